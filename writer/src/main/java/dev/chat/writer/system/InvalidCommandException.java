package dev.chat.writer.system;

/** A record no retry can fix (e.g. a tombstone on a command topic): straight to the dead-letter topic. */
public class InvalidCommandException extends RuntimeException {

    public InvalidCommandException(String message) {
        super(message);
    }
}
