package dev.chat.common.dialog;

import java.util.List;

/**
 * {@link MessagePage} with each message in its stored encoding ({@link EncodedMessage}): the same messages, in the
 * same order (newest-first for OLDER, oldest-first for NEWER), with the same {@code hasMore}.
 */
public record EncodedPage(List<EncodedMessage> messages, boolean hasMore) {

    public EncodedPage {
        messages = List.copyOf(messages);
    }

    /** The decoded page. */
    public MessagePage decode() {
        return new MessagePage(messages.stream().map(EncodedMessage::decode).toList(), hasMore);
    }
}
