package dev.chat.common.dialog;

import java.util.List;

/**
 * A page of messages in the order the {@link PageRequest} walked them (newest-first for OLDER,
 * oldest-first for NEWER).
 *
 * @param messages the page, at most {@code limit} long
 * @param hasMore  whether more messages exist beyond the last one of this page in the same direction
 *                 (at the time of the read)
 */
public record MessagePage(List<ChatMessage> messages, boolean hasMore) {

    public MessagePage {
        messages = List.copyOf(messages);
    }
}
