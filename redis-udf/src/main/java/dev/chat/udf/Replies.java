package dev.chat.udf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.EncodedMessage;
import dev.chat.common.dialog.EncodedPage;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.WriteOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the chat library's replies (see chat.lua) into the shared model. */
final class Replies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Replies() {
    }

    /** {@code {"id","name","owner_id"}}. */
    static Dialog dialog(String json) {
        JsonNode node = parse(json, "dialog");
        JsonNode owner = node.get("owner_id");
        UUID ownerId = owner == null || owner.isNull() ? null : UUID.fromString(owner.asString());
        return new Dialog(UUID.fromString(text(node, "id", json)), text(node, "name", json), ownerId);
    }

    /**
     * {@code {"id","author_id","chat_id","message","ts"}}. Read token by token, not as a tree: a page is 100 of
     * these, and building a tree per member only to copy five fields out of it was most of a read's parsing.
     */
    static ChatMessage message(String json) {
        String id = null;
        String author = null;
        String chat = null;
        String text = null;
        Long ts = null;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("message", json);
            }
            for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = string(parser, value, json);
                    case "author_id" -> author = string(parser, value, json);
                    case "chat_id" -> chat = string(parser, value, json);
                    case "message" -> text = string(parser, value, json);
                    case "ts" -> ts = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw malformed("message", json);
            }
        } catch (JacksonException e) {
            throw malformed("message", json);
        }
        if (id == null || author == null || chat == null || text == null || ts == null) {
            throw malformed("message", json);
        }
        return new ChatMessage(uuid(id, json), uuid(author, json), uuid(chat, json), text, ts);
    }

    /** make_dialog: {@code [created 0|1, dialog json]}. */
    static DialogCreation creation(List<Object> reply) {
        return new DialogCreation(dialog((String) reply.get(1)), flag(reply.get(0)));
    }

    /** write_message: {@code [stored 0|1, message id]}. */
    static WriteOutcome outcome(List<Object> reply) {
        return new WriteOutcome(flag(reply.get(0)), UUID.fromString((String) reply.get(1)));
    }

    /** show_messages: {@code [member..., has_more 0|1]}. */
    static MessagePage page(List<Object> reply) {
        int last = reply.size() - 1;
        List<ChatMessage> messages = new ArrayList<>(last);
        for (int i = 0; i < last; i++) {
            messages.add(message((String) reply.get(i)));
        }
        return new MessagePage(messages, flag(reply.get(last)));
    }

    /** show_messages over the raw connection: {@code [member bytes..., has_more 0|1]}, members not decoded. */
    static EncodedPage encodedPage(List<Object> reply) {
        int last = reply.size() - 1;
        List<EncodedMessage> messages = new ArrayList<>(last);
        for (int i = 0; i < last; i++) {
            byte[] member = (byte[]) reply.get(i);
            try {
                messages.add(EncodedMessage.of(member));
            } catch (IllegalArgumentException e) {
                throw malformed("message", new String(member, StandardCharsets.UTF_8));
            }
        }
        return new EncodedPage(messages, flag(reply.get(last)));
    }

    private static boolean flag(Object value) {
        return ((Number) value).longValue() == 1;
    }

    private static JsonNode parse(String json, String what) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw malformed(what, json);
            }
            return node;
        } catch (JacksonException e) {
            throw malformed(what, json);
        }
    }

    private static String string(JsonParser parser, JsonToken value, String json) {
        if (value != JsonToken.VALUE_STRING) {
            throw malformed("message", json);
        }
        return parser.getString();
    }

    private static UUID uuid(String value, String json) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw malformed("message", json);
        }
    }

    private static String text(JsonNode node, String field, String json) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw malformed(field, json);
        }
        return value.asString();
    }

    private static IllegalStateException malformed(String what, String json) {
        String start = json.length() > 200 ? json.substring(0, 200) + "…" : json;
        return new IllegalStateException("redis-udf: malformed " + what + " in Redis: " + start);
    }
}
