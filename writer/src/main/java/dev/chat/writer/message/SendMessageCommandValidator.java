package dev.chat.writer.message;

import java.nio.charset.StandardCharsets;

import dev.chat.common.command.SendMessageCommand;
import dev.chat.udf.RedisDialogStore;
import dev.chat.writer.system.InvalidCommandException;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What a {@link SendMessageCommand} must carry to be processed at all. Runs inside the
 * {@code ErrorHandlingDeserializer}, so a record that fails goes to the dead-letter topic with its
 * original bytes and is never retried. Throws rather than only collecting errors, so the dead letter's
 * exception headers name the problems. Whether the dialog exists is not checked here: that is a
 * business outcome ({@code REJECTED} event), not a malformed record.
 */
public final class SendMessageCommandValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return SendMessageCommand.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        SendMessageCommand command = (SendMessageCommand) target;
        required(errors, "messageId", command.messageId());
        required(errors, "dialogId", command.dialogId());
        required(errors, "authorId", command.authorId());
        required(errors, "recipientId", command.recipientId());
        required(errors, "text", command.text());
        if (command.authorId() != null && command.authorId().equals(command.recipientId())) {
            // the gateway refuses a send to oneself; such a command has no friend whose inbox it could keep
            errors.rejectValue("recipientId", "other", "recipientId must be another user than authorId");
        }
        if (command.ts() <= 0) {
            errors.rejectValue("ts", "positive", "ts must be positive epoch millis");
        }
        if (command.clientId() != null) {
            int bytes = command.clientId().getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > RedisDialogStore.MAX_CLIENT_ID_BYTES) {
                errors.rejectValue("clientId", "size", "clientId must be 1.." + RedisDialogStore.MAX_CLIENT_ID_BYTES
                        + " UTF-8 bytes or absent");
            }
        }
        InvalidCommandException.throwIfAny(errors);
    }

    private static void required(Errors errors, String field, Object value) {
        if (value == null) {
            errors.rejectValue(field, "required", field + " is required");
        }
    }
}
