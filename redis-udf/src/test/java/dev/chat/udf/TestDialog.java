package dev.chat.udf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A dialog written through {@code write_message}, three messages a millisecond, and the pages a plain
 * {@code ZRANGE} of it implies. Message {@code k} has id {@code 0190a0b0-0000-7000-8000-<2k>}, so an odd id
 * lies strictly between two messages.
 */
final class TestDialog {

    static final long BASE_TS = 1718000000000L;
    private static final long MSB = 0x0190a0b0_0000_7000L;
    private static final long LSB = 0x8000_0000_0000_0000L;
    private static final Pattern TS = Pattern.compile(",\"ts\":(\\d+)}$");

    final String id = UUID.randomUUID().toString();
    final String key = "messages:" + id;
    final String author = UUID.randomUUID().toString();
    private final RedisCommands<String, String> redis;
    private int written;

    TestDialog(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Plain ASCII text of {@code bytes} bytes. */
    static String ascii(int bytes) {
        return "x".repeat(bytes);
    }

    /** The widest member a 4096-code-point text makes: each control character is JSON-escaped to 6 bytes. */
    static String widestText() {
        return "\u0001".repeat(4096);
    }

    /** Writes the next {@code count} messages, the text of message {@code k} being {@code textOf(k)}. */
    TestDialog write(int count, IntFunction<String> textOf) {
        for (int i = 0; i < count; i++) {
            int k = written++;
            write(messageId(2L * k), BASE_TS + k / 3, textOf.apply(k));
        }
        return this;
    }

    /** write_message without a client key. */
    List<Object> write(String messageId, long ts, String text) {
        return redis.fcall("write_message", ScriptOutputType.MULTI, new String[] {key},
                messageId, author, id, text, Long.toString(ts));
    }

    /** Message {@code k}'s id is {@code messageId(2k)}. */
    static String messageId(long n) {
        return new UUID(MSB, LSB + n).toString();
    }

    /** The dialog oldest first, as a plain ZRANGE gives it. */
    List<String> members() {
        return redis.zrange(key, 0, -1);
    }

    /** show_messages: members, then the has-more flag. */
    List<Object> show(String direction, int limit, String... cursor) {
        List<String> args = new ArrayList<>(List.of(direction, Integer.toString(limit)));
        args.addAll(List.of(cursor));
        return redis.fcallReadOnly("show_messages", ScriptOutputType.MULTI, new String[] {key},
                args.toArray(String[]::new));
    }

    /** Pages through the whole dialog from one end, each page's last member the next cursor. */
    List<String> walk(String direction, int limit) {
        List<String> seen = new ArrayList<>();
        List<Object> page = show(direction, limit);
        while (true) {
            List<String> rows = rows(page);
            seen.addAll(rows);
            if (page.get(page.size() - 1).equals(0L) || rows.isEmpty()) {
                return seen;
            }
            page = show(direction, limit, cursorOf(rows.get(rows.size() - 1)));
        }
    }

    /** The cursor {@code ts, id} of a stored member. */
    static String[] cursorOf(String member) {
        return new String[] {tsOf(member), member.substring(7, 43)};
    }

    static String tsOf(String member) {
        Matcher m = TS.matcher(member);
        if (!m.find()) {
            throw new IllegalArgumentException("no ts in " + member);
        }
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    static List<String> rows(List<Object> page) {
        return (List<String>) (List<?>) page.subList(0, page.size() - 1);
    }

    /**
     * The page {@code show_messages} must give: {@code before} messages of {@code all} lie before the cursor
     * (all of them for {@code older} without one, none for {@code newer}), {@code onCursor} when the cursor is
     * a stored message, which the page leaves out.
     */
    static List<Object> expected(List<String> all, boolean older, int limit, int before, boolean onCursor) {
        List<Object> page = new ArrayList<>();
        if (older) {
            List<String> rows = new ArrayList<>(all.subList(Math.max(0, before - limit), before));
            Collections.reverse(rows);
            page.addAll(rows);
            page.add(before > limit ? 1L : 0L);
        } else {
            int start = Math.min(all.size(), before + (onCursor ? 1 : 0));
            page.addAll(all.subList(start, Math.min(all.size(), start + limit)));
            page.add(all.size() - start > limit ? 1L : 0L);
        }
        return page;
    }
}
