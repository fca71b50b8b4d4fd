package dev.chat.gateway.system;

import java.io.IOException;

/** Thrown while reading a request body that has grown past the configured limit. */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("request body is larger than the limit of " + limit + " bytes");
    }
}
