package dev.chat.gateway.http;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads JSON strings as usual but refuses one with an unpaired UTF-16 surrogate ({@code "\ud800"} written as an
 * escape). Such a string is not text: it has no UTF-8 form, so Kafka, Redis and Postgres would each store something
 * else (a {@code ?}) than what was accepted. Refused here, it is a 400 {@code validation} problem (a {@code validation}
 * error frame on {@code /ws}) that names the field.
 */
public final class WellFormedStrings extends StringDeserializer {

    /** What is wrong, after the field's name. */
    public static final String MESSAGE = "contains an unpaired UTF-16 surrogate (a \\ud800-\\udfff escape without its pair),"
            + " which is not a character; send valid Unicode";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && !isWellFormed(value)) {
            throw context.weirdStringException(value, String.class, MESSAGE);
        }
        return value;
    }

    /** Whether this failure is our refusal: the wrong value is a string with a lone surrogate. */
    public static boolean refused(InvalidFormatException e) {
        return e.getTargetType() == String.class && e.getValue() instanceof String value && !isWellFormed(value);
    }

    static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
