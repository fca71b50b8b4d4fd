package dev.chat.writer.message;

import dev.chat.common.command.ReadCommand;
import dev.chat.writer.system.InvalidCommandException;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What a {@link ReadCommand} must carry to be processed at all. Runs inside the {@code ErrorHandlingDeserializer}
 * like {@link SendMessageCommandValidator}, so a record that fails goes to the dead-letter topic with its original
 * bytes and is never retried. Whether the dialog holds the message is not checked here: that is the store's answer
 * (logged and skipped), not a malformed record.
 */
public final class ReadCommandValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return ReadCommand.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ReadCommand command = (ReadCommand) target;
        required(errors, "dialogId", command.dialogId());
        required(errors, "userId", command.userId());
        required(errors, "friendId", command.friendId());
        required(errors, "messageId", command.messageId());
        if (command.userId() != null && command.userId().equals(command.friendId())) {
            errors.rejectValue("friendId", "other", "friendId must be another user than userId");
        }
        if (command.ts() <= 0) {
            errors.rejectValue("ts", "positive", "ts must be positive epoch millis");
        }
        InvalidCommandException.throwIfAny(errors);
    }

    private static void required(Errors errors, String field, Object value) {
        if (value == null) {
            errors.rejectValue(field, "required", field + " is required");
        }
    }
}
