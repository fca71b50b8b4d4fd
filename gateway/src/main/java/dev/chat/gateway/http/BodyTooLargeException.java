package dev.chat.gateway.http;

import java.io.IOException;

import dev.chat.boot.problem.ProblemType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * Thrown while reading a request body that has grown past the configured limit. An I/O error, so that it ends the
 * read wherever it happens; an {@link ErrorResponse}, so that chat-boot's {@code /error} answers it as a 413 when
 * it escapes Spring MVC.
 */
final class BodyTooLargeException extends IOException implements ErrorResponse {

    private final ProblemDetail body;

    BodyTooLargeException(long limit) {
        super("request body is larger than the limit of " + limit + " bytes");
        body = ProblemType.PAYLOAD_TOO_LARGE.problem(getMessage());
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return ProblemType.PAYLOAD_TOO_LARGE.status();
    }

    @Override
    public ProblemDetail getBody() {
        return body;
    }
}
