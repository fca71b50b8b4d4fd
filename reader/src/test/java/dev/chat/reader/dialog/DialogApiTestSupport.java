package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.id.MessageIds;
import dev.chat.reader.ReaderApiTestSupport;

/** Two fresh users per test and helpers to write messages and read pages as either of them. */
abstract class DialogApiTestSupport extends ReaderApiTestSupport {

    static final String MESSAGES = "/api/v1/dialogs/{friend}/messages";

    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final MessageIds ids = new MessageIds();
    long clock = System.currentTimeMillis() - 10_000_000;

    /** Alternating authors, one millisecond apart, as the gateway would stamp them. */
    List<ChatMessage> writeMany(UUID dialogId, int count) {
        List<ChatMessage> written = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            written.add(writeOne(dialogId, i % 2 == 0 ? alice : bob, "message " + i));
        }
        return written;
    }

    ChatMessage writeOne(UUID dialogId, UUID author, String text) {
        return write(dialogId, author, ids.next(), clock++, text);
    }

    HistoryPage page(UUID caller, UUID friend, String query) {
        return get(caller, MESSAGES + query, friend)
                .expectStatus().isOk()
                .expectBody(HistoryPage.class).returnResult().getResponseBody();
    }

    /** Paging loops fail instead of spinning when cursors stop making progress. */
    static void guard(int requests, int max) {
        assertThat(requests).as("requests needed to page through").isLessThanOrEqualTo(max);
    }

    static List<UUID> idsOf(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::id).toList();
    }

    static List<UUID> idsOf(HistoryPage page) {
        return page.messages().stream().map(MessageView::id).toList();
    }
}
