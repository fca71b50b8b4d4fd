package dev.chat.gateway.system;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The gateway's problem types: {@code https://chat.dev/problems/<slug>}. The slugs are part of the API
 * (clients branch on them), so they never change once published; add new ones instead.
 */
public final class Problems {

    public static final String BASE = "https://chat.dev/problems/";

    public static final String VALIDATION = "validation";
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String INVALID_PARAMETER = "invalid-parameter";
    public static final String BAD_CREDENTIALS = "bad-credentials";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String USER_NOT_FOUND = "user-not-found";
    public static final String FRIEND_NOT_FOUND = "friend-not-found";
    public static final String DIALOG_NOT_FOUND = "dialog-not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String CLIENT_ID_CONFLICT = "client-id-conflict";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String BAD_REQUEST = "bad-request";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** The request path as the problem's {@code instance}, or null when it is not a valid URI reference. */
    static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        return problem;
    }

    /** An exception the MVC error handling turns into this problem as it is. */
    public static ErrorResponseException exception(HttpStatus status, String slug, String detail) {
        return new ErrorResponseException(status, of(status, slug, detail), null);
    }

    public static ErrorResponseException badRequest(String slug, String detail) {
        return exception(HttpStatus.BAD_REQUEST, slug, detail);
    }

    public static ErrorResponseException notFound(String slug, String detail) {
        return exception(HttpStatus.NOT_FOUND, slug, detail);
    }

    /**
     * 503 with {@code Retry-After}: a dependency (Kafka, Redis, Postgres, the writer) did not answer in time.
     * Nothing was accepted, so the client may retry the same request.
     */
    public static ErrorResponseException unavailable(String detail, Duration retryAfter, Throwable cause) {
        return withRetryAfter(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE, detail, retryAfter, cause);
    }

    /**
     * 429 with {@code Retry-After}: the user sent more than their rate allows. Nothing was accepted; the same
     * request may be retried after that many seconds.
     */
    public static ErrorResponseException rateLimited(String detail, Duration retryAfter) {
        return withRetryAfter(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, detail, retryAfter, null);
    }

    /** {@code Retry-After} in whole seconds, rounded up and at least 1 (a client that retries at once is refused again). */
    private static ErrorResponseException withRetryAfter(HttpStatus status, String slug, String detail, Duration retryAfter,
                                                         Throwable cause) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail body = of(status, slug, detail);
        return new ErrorResponseException(status, body, cause) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
