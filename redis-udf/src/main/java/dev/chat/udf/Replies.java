package dev.chat.udf;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.WriteOutcome;
import tools.jackson.core.JacksonException;
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

    /** {@code {"id","author_id","chat_id","message","ts"}}. */
    static ChatMessage message(String json) {
        JsonNode node = parse(json, "message");
        JsonNode ts = node.get("ts");
        if (ts == null || !ts.canConvertToLong()) {
            throw malformed("message", json);
        }
        return new ChatMessage(UUID.fromString(text(node, "id", json)), UUID.fromString(text(node, "author_id", json)),
                UUID.fromString(text(node, "chat_id", json)), text(node, "message", json), ts.asLong());
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
