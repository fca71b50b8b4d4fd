package dev.chat.gateway.live;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.chat.boot.problem.ProblemType;
import dev.chat.gateway.http.JsonErrors;
import dev.chat.gateway.http.WellFormedStrings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads client frames as strictly as the HTTP API reads bodies (same mapper: unknown fields and wrong types are
 * errors, not guesses). A bad frame is a {@link BadFrame} with an error code; the session stays open.
 */
final class FrameReader {

    static final String UNKNOWN_TYPE = "unknown-type";

    /** A frame the server cannot act on; {@code code} is the error frame's {@code code}. */
    static final class BadFrame extends RuntimeException {
        private final String code;

        BadFrame(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final JsonMapper json;

    FrameReader(JsonMapper json) {
        this.json = json;
    }

    /** A {@link Frames.Send}, {@link Frames.Read}, {@link Frames.TypingTo} or {@link Frames.Ping}. */
    Object read(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (StreamReadException e) {
            throw new BadFrame(ProblemType.MALFORMED_JSON.slug(), "frame is not valid JSON: " + JsonErrors.firstLine(e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw new BadFrame(ProblemType.MALFORMED_JSON.slug(), "frame could not be read: " + JsonErrors.firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new BadFrame(ProblemType.MALFORMED_JSON.slug(), "a frame must be a JSON object with a \"type\"");
        }
        JsonNode type = node.get("type");
        String name = type == null || !type.isString() ? null : type.asString();
        if ("send".equals(name)) {
            Frames.Send send = convert(node, Frames.Send.class);
            return toAFriend(send, send.to());
        }
        if ("read".equals(name)) {
            Frames.Read read = convert(node, Frames.Read.class);
            return toAFriend(read, read.to());
        }
        if ("typing".equals(name)) {
            Frames.TypingTo typing = convert(node, Frames.TypingTo.class);
            return toAFriend(typing, typing.to());
        }
        if ("ping".equals(name)) {
            return convert(node, Frames.Ping.class);
        }
        throw new BadFrame(UNKNOWN_TYPE, "\"type\" must be \"send\", \"read\", \"typing\" or \"ping\"" + (name == null ? "" : ", not \"" + JsonErrors.truncate(name) + "\""));
    }

    /** Every frame but ping names the friend it is for. */
    private static <T> T toAFriend(T frame, UUID to) {
        if (to == null) {
            throw new BadFrame(ProblemType.VALIDATION.slug(), "to: must be the friend's user id");
        }
        return frame;
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw new BadFrame(ProblemType.UNKNOWN_FIELD.slug(), "unknown field '" + e.getPropertyName() + "'; accepted fields: "
                    + known(e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            if (WellFormedStrings.refused(e)) {
                throw new BadFrame(ProblemType.VALIDATION.slug(), lastField(e) + ": " + WellFormedStrings.MESSAGE);
            }
            throw wrongType(e);
        } catch (MismatchedInputException e) {
            throw wrongType(e);
        } catch (JacksonException e) {
            throw new BadFrame(ProblemType.MALFORMED_JSON.slug(), "frame could not be read: " + JsonErrors.firstLine(e.getOriginalMessage()));
        }
    }

    private static BadFrame wrongType(MismatchedInputException e) {
        return new BadFrame(ProblemType.WRONG_TYPE.slug(), "field '" + lastField(e) + "' has the wrong type"
                + (e.getTargetType() == null ? "" : "; expected " + expected(e.getTargetType())));
    }

    private static String lastField(MismatchedInputException e) {
        return e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getPropertyName();
    }

    private static String expected(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID string";
            case "String" -> "a string";
            default -> "a " + type.getSimpleName();
        };
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "(none)" : ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }
}
