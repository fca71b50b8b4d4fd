package dev.chat.gateway.http;

import java.util.Collection;
import java.util.stream.Collectors;

import dev.chat.boot.problem.ProblemType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns an unreadable request body into a problem that tells the client what to fix, without echoing
 * Jackson's internals (class names, source locations of our code).
 *
 * <p>Policy: unknown JSON fields are rejected (400 {@code unknown-field}) rather than ignored, so a typo such as
 * {@code clientId} for {@code client_id} fails loudly instead of silently losing idempotency.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static ProblemDetail problemFor(HttpMessageNotReadableException ex) {
        BodyTooLargeException tooLarge = BodyLimitFilter.tooLargeCause(ex);
        if (tooLarge != null) {
            return tooLarge.getBody();
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return bad(ProblemType.UNKNOWN_FIELD, "unknown JSON field '" + path(unknown) + "'; accepted fields: "
                    + known(unknown.getKnownPropertyIds()) + " (unknown fields are rejected, not ignored)");
        }
        if (cause instanceof InvalidFormatException format && WellFormedStrings.refused(format)) {
            return bad(ProblemType.VALIDATION, path(format) + ": " + WellFormedStrings.MESSAGE);
        }
        if (cause instanceof InvalidFormatException format) {
            return bad(ProblemType.WRONG_TYPE, "JSON field '" + path(format) + "' has an invalid value " + quote(format.getValue())
                    + "; expected " + expected(format.getTargetType()));
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            return bad(ProblemType.VALIDATION, "request body is invalid: " + rootMessage(instantiation));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return bad(ProblemType.MALFORMED_JSON, "request body must be a JSON object: " + mismatch.getOriginalMessage());
            }
            return bad(ProblemType.WRONG_TYPE, "JSON field '" + path(mismatch) + "' has the wrong type; expected "
                    + expected(mismatch.getTargetType()));
        }
        if (cause instanceof StreamReadException syntax) {
            String where = syntax.getLocation() == null ? ""
                    : " at line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr();
            return bad(ProblemType.MALFORMED_JSON, "request body is not valid JSON" + where + ": " + firstLine(syntax.getOriginalMessage()));
        }
        if (cause instanceof JacksonException other) {
            return bad(ProblemType.MALFORMED_JSON, "request body could not be read: " + firstLine(other.getOriginalMessage()));
        }
        return bad(ProblemType.MALFORMED_JSON, "request body is missing or unreadable; send a JSON object with Content-Type: application/json");
    }

    private static ProblemDetail bad(ProblemType type, String detail) {
        return type.problem(detail);
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "(none)" : ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID string such as \"3f2b8c1e-9a4d-4c7e-8f00-1a2b3c4d5e6f\"";
            case "LocalDate" -> "a date string yyyy-MM-dd";
            case "String" -> "a string";
            case "boolean", "Boolean" -> "true or false";
            case "int", "Integer", "long", "Long" -> "an integer";
            default -> type.isRecord() ? "a JSON object" : "a value of type " + type.getSimpleName();
        };
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + truncate(s) + "\"" : String.valueOf(value);
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t.getMessage());
    }

    /** A parser's message as a client may see it: its first line, at most 80 characters. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return truncate(nl < 0 ? message : message.substring(0, nl));
    }

    /** At most 80 characters of a string from the client, for a message about it. */
    public static String truncate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
