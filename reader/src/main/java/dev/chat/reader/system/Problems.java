package dev.chat.reader.system;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type}s of this service's RFC 9457 problems. Clients branch on these, so a slug, once
 * published, never changes meaning.
 */
public final class Problems {

    public static final String BASE = "https://chat.dev/problems/";

    /** A query or path parameter is malformed or out of range. */
    public static final URI VALIDATION = type("validation");
    /** A {@code before}/{@code after} cursor is not one this service issued. */
    public static final URI BAD_CURSOR = type("bad-cursor");
    /** The caller has no dialog with the user named in the path. */
    public static final URI DIALOG_NOT_FOUND = type("dialog-not-found");
    /** No bearer token, or one that is malformed, wrongly signed, expired or from another issuer. */
    public static final URI UNAUTHORIZED = type("unauthorized");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = type("not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    /** Redis is unreachable or timing out; retry later ({@code Retry-After} says when). */
    public static final URI STORE_UNAVAILABLE = type("store-unavailable");
    /** Any other client error the framework reports. */
    public static final URI CLIENT_ERROR = type("client-error");
    /** Our fault; the detail never carries internals. */
    public static final URI INTERNAL = type("internal");

    private Problems() {
    }

    /** The type for a framework-made problem that came without one. */
    static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> VALIDATION;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status.is5xxServerError() ? INTERNAL : CLIENT_ERROR;
        };
    }

    private static URI type(String slug) {
        return URI.create(BASE + slug);
    }
}
