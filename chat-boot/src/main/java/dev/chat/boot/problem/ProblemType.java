package dev.chat.boot.problem;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Every RFC 9457 problem type of the system, {@code https://chat.dev/problems/<slug>}: one vocabulary for the
 * gateway, the reader and the gateway's WebSocket error frames, which carry the slug as their {@code code}. Clients
 * branch on the slugs, so a published one never changes meaning; add a new one instead. The status is the one the
 * type is answered with; {@link #forStatus(int)} is the only place a bare status is given a type.
 */
public enum ProblemType {

    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
    UNKNOWN_FIELD("unknown-field", HttpStatus.BAD_REQUEST, "Unknown field"),
    WRONG_TYPE("wrong-type", HttpStatus.BAD_REQUEST, "Wrong type"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid parameter"),
    BAD_CURSOR("bad-cursor", HttpStatus.BAD_REQUEST, "Bad cursor"),
    /** A read marker naming a message its dialog does not hold (a 400, not a 404: the dialog exists, the body is wrong). */
    MESSAGE_NOT_FOUND("message-not-found", HttpStatus.BAD_REQUEST, "Message not found"),
    BAD_CREDENTIALS("bad-credentials", HttpStatus.BAD_REQUEST, "Bad credentials"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    USER_NOT_FOUND("user-not-found", HttpStatus.NOT_FOUND, "User not found"),
    FRIEND_NOT_FOUND("friend-not-found", HttpStatus.NOT_FOUND, "Friend not found"),
    DIALOG_NOT_FOUND("dialog-not-found", HttpStatus.NOT_FOUND, "Dialog not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CLIENT_ID_CONFLICT("client-id-conflict", HttpStatus.CONFLICT, "Client id conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Rate limited"),
    /** Any other 4xx (414, 431, …): the status says what, the type only that it is the client's to fix. */
    CLIENT_ERROR("client-error", HttpStatus.BAD_REQUEST, "Client error"),
    /** A dependency (Kafka, Redis, Postgres, the writer) did not answer in time; nothing was done, retry later. */
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    /** Our fault; the detail never carries internals. */
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public static final String BASE = "https://chat.dev/problems/";

    /** The detail of every {@link #INTERNAL_ERROR}: what went wrong is in the log, not in the answer. */
    public static final String UNEXPECTED = "unexpected server error; it has been logged";

    private final String slug;
    private final HttpStatus status;
    private final String title;
    private final URI uri;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.uri = URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type a problem gets when all that is known is its status (Spring MVC's own errors, Tomcat's, /error). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : CLIENT_ERROR;
        };
    }

    /** The status's reason phrase ("Bad Request"), or "HTTP 599" for a status Spring does not know. */
    static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    /** This type's problem with its own status. */
    public ProblemDetail problem(String detail) {
        return problem(status, detail);
    }

    /** This type's problem with another status: only for the types {@link #forStatus(int)} gives several statuses. */
    ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri);
        problem.setTitle(title);
        return problem;
    }

    /** An exception Spring MVC answers with this problem as it is (status, type, title, detail). */
    public ErrorResponseException exception(String detail) {
        return new ErrorResponseException(status, problem(detail), null);
    }

    /**
     * As {@link #exception(String)} with {@code Retry-After} in whole seconds, rounded up and at least 1 (a client
     * that retries at once is refused again): for 503 and 429, where nothing was done and the same request may be
     * sent again.
     */
    public ErrorResponseException exception(String detail, Duration retryAfter, Throwable cause) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ErrorResponseException(status, problem(detail), cause) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
