package dev.chat.reader.system;

import java.net.URI;
import java.util.Objects;

/** A 400 for input that parsed but makes no sense; the message becomes the problem's detail, so it must be safe to show. */
public class InvalidRequestException extends RuntimeException {

    private final URI type;

    public InvalidRequestException(URI type, String detail) {
        super(detail);
        this.type = Objects.requireNonNull(type, "type");
    }

    public URI type() {
        return type;
    }
}
