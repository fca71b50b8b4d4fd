package dev.chat.reader.system;

import java.util.Objects;

import dev.chat.boot.problem.ProblemType;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 for input that parsed but makes no sense; the message becomes the problem's detail, so it must be safe to
 * show. An {@link ErrorResponseException}, so chat-boot's error handling answers it as it is.
 */
public class InvalidRequestException extends ErrorResponseException {

    private final ProblemType type;
    private final String detail;

    public InvalidRequestException(ProblemType type, String detail) {
        super(Objects.requireNonNull(type, "type").status(), type.problem(detail), null);
        this.type = type;
        this.detail = detail;
    }

    public ProblemType type() {
        return type;
    }

    /** The detail alone, as the client reads it, rather than the status and the whole problem. */
    @Override
    public String getMessage() {
        return detail;
    }
}
