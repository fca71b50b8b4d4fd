package dev.chat.writer.system;

import java.util.stream.Collectors;

import org.springframework.validation.Errors;

/** A record no retry can fix (invalid fields, a tombstone on a command topic): straight to the dead-letter topic. */
public class InvalidCommandException extends RuntimeException {

    public InvalidCommandException(String message) {
        super(message);
    }

    /** Ends a validator: the problems it found, if any, as one exception naming them all. */
    public static void throwIfAny(Errors errors) {
        if (errors.hasErrors()) {
            throw new InvalidCommandException("invalid " + errors.getObjectName() + ": " + errors.getAllErrors().stream()
                    .map(error -> error.getDefaultMessage()).collect(Collectors.joining("; ")));
        }
    }
}
