package dev.chat.writer.dialog;

import dev.chat.common.command.CreateDialogCommand;
import dev.chat.writer.system.InvalidCommandException;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What a {@link CreateDialogCommand} must carry to be processed at all. Runs inside the
 * {@code ErrorHandlingDeserializer}, so a record that fails goes to the dead-letter topic with its
 * original bytes and is never retried. Throws rather than only collecting errors, so the dead letter's
 * exception headers name the problems.
 */
public final class CreateDialogCommandValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return CreateDialogCommand.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CreateDialogCommand command = (CreateDialogCommand) target;
        if (command.userId() == null) {
            errors.rejectValue("userId", "required", "userId is required");
        }
        if (command.friendId() == null) {
            errors.rejectValue("friendId", "required", "friendId is required");
        }
        if (command.newDialogId() == null) {
            errors.rejectValue("newDialogId", "required", "newDialogId is required");
        }
        if (command.userId() != null && command.userId().equals(command.friendId())) {
            errors.rejectValue("friendId", "self", "a dialog needs two different users");
        }
        InvalidCommandException.throwIfAny(errors);
    }
}
