package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.EncodedMessage;
import dev.chat.common.dialog.EncodedPage;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.PageRequest.Direction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link dev.chat.common.dialog.DialogStore#showEncoded}, part of the {@link DialogStoreContract}: the pages of
 * {@code showMessages}, each message in the stored layout, which a real JSON parser reads as the message's fields.
 */
public abstract class EncodedPageContract extends BatchWriteContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    public void encodedPagesAreTheDecodedPagesInEveryDirection() {
        Pair pair = newPair();
        long base = System.currentTimeMillis();
        List<ChatMessage> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(message(pair, "m" + i, base + i / 3));
        }
        writeAll(all);
        List<PageRequest> requests = List.of(PageRequest.newest(5), PageRequest.newest(12), PageRequest.newest(100),
                new PageRequest(Direction.NEWER, null, 5), new PageRequest(Direction.OLDER, sorted(all).get(7).cursor(), 4),
                new PageRequest(Direction.NEWER, sorted(all).get(3).cursor(), 4),
                new PageRequest(Direction.NEWER, sorted(all).get(11).cursor(), 4));

        for (PageRequest request : requests) {
            MessagePage decoded = store().showMessages(pair.dialogId(), request);
            EncodedPage encoded = store().showEncoded(pair.dialogId(), request);
            assertThat(encoded.decode()).as("%s", request).isEqualTo(decoded);
        }
    }

    @Test
    public void storedEncodingIsTheMessagesJsonFieldForField() {
        Pair pair = newPair();
        long now = System.currentTimeMillis();
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < AWKWARD_TEXTS.size(); i++) {
            messages.add(message(pair, AWKWARD_TEXTS.get(i), now + i));
        }
        messages.add(message(pair, "x".repeat(64 * 1024), now + AWKWARD_TEXTS.size()));
        writeAll(messages);

        EncodedPage page = store().showEncoded(pair.dialogId(), new PageRequest(Direction.NEWER, null, 100));

        assertThat(page.messages()).hasSize(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            EncodedMessage encoded = page.messages().get(i);
            ChatMessage expected = messages.get(i);
            assertThat(EncodedMessage.of(encoded.bytes())).isEqualTo(encoded);
            Map<String, Object> json = JSON.readValue(encoded.bytes(), Map.class);
            assertThat(json.keySet()).containsExactly("id", "author_id", "chat_id", "message", "ts");
            assertThat(json).containsEntry("id", expected.id().toString())
                    .containsEntry("author_id", expected.authorId().toString())
                    .containsEntry("chat_id", expected.chatId().toString())
                    .containsEntry("message", expected.message());
            assertThat(((Number) json.get("ts")).longValue()).isEqualTo(expected.ts());
            assertThat(encoded.authorIs(pair.user().toString().getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(encoded.authorIs(pair.friend().toString().getBytes(StandardCharsets.US_ASCII))).isFalse();
        }
    }

    @Test
    public void anUnknownDialogHasAnEmptyEncodedPage() {
        EncodedPage page = store().showEncoded(UUID.randomUUID(), PageRequest.newest(10));

        assertThat(page.messages()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }
}
