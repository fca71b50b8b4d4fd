package dev.chat.udf;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.PageCursor;

/** Turns the inbox functions' replies (chat.lua, section "inbox") into the shared model. */
final class InboxReplies {

    /** show_inbox: values per dialog. */
    private static final int ROW = 6;
    /** A position: 15 digits of ts, a colon, the message id. */
    private static final int TS_DIGITS = 15;
    private static final int UUID_LENGTH = 36;

    private InboxReplies() {
    }

    /**
     * show_inbox: {@code [dialog_id, activity, "<friend_id> <name>", read|nil, friend_read|nil, unread]... has_more};
     * the entries' last messages are null here (the caller reads them from the dialogs).
     */
    static InboxPage page(List<Object> reply) {
        int last = reply.size() - 1;
        if (last % ROW != 0) {
            throw malformed("inbox page of " + reply.size() + " values");
        }
        List<InboxEntry> entries = new ArrayList<>(last / ROW);
        for (int i = 0; i < last; i += ROW) {
            entries.add(entry(reply.subList(i, i + ROW)));
        }
        return new InboxPage(entries, ((Number) reply.get(last)).longValue() == 1);
    }

    private static InboxEntry entry(List<Object> row) {
        String meta = (String) row.get(2);
        if (meta == null || meta.length() <= UUID_LENGTH || meta.charAt(UUID_LENGTH) != ' ') {
            throw malformed("inbox entry of dialog " + row.get(0) + ": " + meta);
        }
        return new InboxEntry(UUID.fromString((String) row.get(0)), UUID.fromString(meta.substring(0, UUID_LENGTH)),
                meta.substring(UUID_LENGTH + 1), (long) Double.parseDouble((String) row.get(1)), null,
                ((Number) row.get(5)).longValue(), position((String) row.get(3)), position((String) row.get(4)));
    }

    /** {@code <ts, 15 digits>:<message id>}, or null for null. */
    static PageCursor position(String position) {
        if (position == null) {
            return null;
        }
        if (position.length() != TS_DIGITS + 1 + UUID_LENGTH || position.charAt(TS_DIGITS) != ':') {
            throw malformed("read marker " + position);
        }
        return new PageCursor(Long.parseLong(position.substring(0, TS_DIGITS)),
                UUID.fromString(position.substring(TS_DIGITS + 1)));
    }

    private static IllegalStateException malformed(String what) {
        return new IllegalStateException("redis-udf: malformed " + what + " in Redis");
    }
}
