package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.common.id.MessageIds;
import org.junit.jupiter.api.Test;

/** Writing and ordering messages, part of the {@link DialogStoreContract}. */
public abstract class MessageContract extends DialogContract {

    /** Texts that trip up naive JSON, Lua or SQL handling; each must come back unchanged. */
    protected static final List<String> AWKWARD_TEXTS = List.of(
            "plain", "", " leading and trailing ", "ünïcödé Ελληνικά кириллица 中文 日本語 한국어", "עברית عربي",
            "😀👍🏽👨‍👩‍👧‍👦🏳️‍🌈", "e\u0301 combining", "\uFEFFbom", "\uFFFF",
            "quotes \" ' `", "back\\slash \\\\ \\n \\u0041 \\", "new\nline\r\n\ttab", "nul\u0000inside", "\u0000",
            "\u2028 line and paragraph \u2029 separators", "\u0001\u001f\u007f controls",
            "%s %d %% % %b %1", "]]", "[[ ]] [=[ ]=]", "-- comment", "--[[ block ]]", "{\"a\":1}", "[1,2]",
            "null", "true", "a/b\\/c </script>", "'; DROP TABLE messages; --", "${jndi:ldap://x}");

    @Test
    public void ordersMessagesByTimeThenId() {
        Pair pair = newPair();
        long base = System.currentTimeMillis();
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            messages.add(message(pair, "m" + i, base + (i * 7) % 11)); // ts not in id order
        }
        List<ChatMessage> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new Random(42));
        writeAll(shuffled);

        assertThat(walk(pair.dialogId(), Direction.NEWER, 1000)).containsExactlyElementsOf(sorted(messages));
        assertThat(walk(pair.dialogId(), Direction.OLDER, 1000)).containsExactlyElementsOf(reversed(sorted(messages)));
    }

    @Test
    public void messagesOfOneMillisecondKeepSendingOrder() {
        Pair pair = newPair();
        long now = System.currentTimeMillis();
        MessageIds sameMillisecond = new MessageIds(() -> now);
        List<ChatMessage> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(new ChatMessage(sameMillisecond.next(), pair.user(), pair.dialogId(), "burst " + i, now));
        }
        List<ChatMessage> arrival = new ArrayList<>(sent);
        Collections.shuffle(arrival, new Random(7));
        writeAll(arrival);

        assertThat(store().showMessages(pair.dialogId(), new PageRequest(Direction.NEWER, null, 1000)).messages())
                .containsExactlyElementsOf(sent);
        assertThat(store().showMessages(pair.dialogId(), PageRequest.newest(1000)).messages())
                .containsExactlyElementsOf(reversed(sent));
    }

    @Test
    public void writingTheSameIdAgainStoresOneMessage() {
        Pair pair = newPair();
        ChatMessage original = message(pair, "once", System.currentTimeMillis());
        ChatMessage sameIdOtherText = new ChatMessage(original.id(), original.authorId(), original.chatId(),
                "changed", original.ts());

        WriteOutcome first = store().writeMessage(original, null);
        WriteOutcome again = store().writeMessage(original, null);
        WriteOutcome changed = store().writeMessage(sameIdOtherText, null);

        assertThat(first).isEqualTo(new WriteOutcome(true, original.id()));
        assertThat(again).isEqualTo(new WriteOutcome(false, original.id()));
        assertThat(changed).isEqualTo(new WriteOutcome(false, original.id()));
        assertThat(walk(pair.dialogId(), Direction.NEWER, 10)).containsExactly(original);
    }

    @Test
    public void aRetriedClientIdStoresNothingAndAnswersTheFirstMessageId() {
        Pair pair = newPair();
        long now = System.currentTimeMillis();
        ChatMessage first = message(pair, "hello", now);
        ChatMessage retry = message(pair, "hello", now + 5);

        assertThat(store().writeMessage(first, "req-1")).isEqualTo(new WriteOutcome(true, first.id()));
        assertThat(store().writeMessage(retry, "req-1")).isEqualTo(new WriteOutcome(false, first.id()));
        assertThat(walk(pair.dialogId(), Direction.NEWER, 10)).containsExactly(first);
    }

    @Test
    public void clientIdsAreRememberedPerAuthorAndDialog() {
        Pair pair = newPair();
        Pair otherDialog = newPair();
        long now = System.currentTimeMillis();
        ChatMessage fromUser = message(pair, "u", now);
        ChatMessage fromFriend = new ChatMessage(ids.next(), pair.friend(), pair.dialogId(), "f", now);
        ChatMessage elsewhere = new ChatMessage(ids.next(), pair.user(), otherDialog.dialogId(), "e", now);
        ChatMessage without = message(pair, "no client id", now);
        ChatMessage withoutAgain = message(pair, "no client id", now);

        for (ChatMessage m : List.of(fromUser, fromFriend, elsewhere)) {
            assertThat(store().writeMessage(m, "same-client-id").stored()).as(m.message()).isTrue();
        }
        assertThat(store().writeMessage(without, null).stored()).isTrue();
        assertThat(store().writeMessage(withoutAgain, null).stored()).isTrue();
        assertThat(walk(pair.dialogId(), Direction.NEWER, 10))
                .containsExactlyElementsOf(sorted(List.of(fromUser, fromFriend, without, withoutAgain)));
        assertThat(walk(otherDialog.dialogId(), Direction.NEWER, 10)).containsExactly(elsewhere);
    }

    @Test
    public void returnsEveryTextByteForByte() {
        Pair pair = newPair();
        long base = System.currentTimeMillis();
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < AWKWARD_TEXTS.size(); i++) {
            messages.add(message(pair, AWKWARD_TEXTS.get(i), base + i));
        }
        writeAll(messages);

        List<ChatMessage> read = walk(pair.dialogId(), Direction.NEWER, 1000);

        assertThat(read).extracting(ChatMessage::message).containsExactlyElementsOf(AWKWARD_TEXTS);
        assertThat(read).containsExactlyElementsOf(messages);
    }

    @Test
    public void storesA64KiBMessage() {
        Pair pair = newPair();
        StringBuilder text = new StringBuilder();
        String pattern = "0123456789 abc \"q\" \\ \n ü 😀 \u0000 ]] -- ";
        while (text.length() < 64 * 1024) {
            text.append(pattern);
        }
        ChatMessage big = message(pair, text.substring(0, 64 * 1024), System.currentTimeMillis());

        writeAll(List.of(big));

        assertThat(store().showMessages(pair.dialogId(), PageRequest.newest(1)).messages()).containsExactly(big);
    }

    @Test
    public void anUnknownDialogHasAnEmptyPage() {
        UUID unknown = UUID.randomUUID();
        PageCursor cursor = new PageCursor(System.currentTimeMillis(), ids.next());

        for (Direction direction : Direction.values()) {
            for (PageCursor at : new PageCursor[] {null, cursor}) {
                var page = store().showMessages(unknown, new PageRequest(direction, at, 50));
                assertThat(page.messages()).isEmpty();
                assertThat(page.hasMore()).isFalse();
            }
        }
    }

    @Test
    public void keepsMessagesInTheirDialog() {
        Pair one = newPair();
        Pair two = newPair();
        long now = System.currentTimeMillis();
        ChatMessage inOne = message(one, "one", now);
        ChatMessage inTwo = message(two, "two", now);

        writeAll(List.of(inOne, inTwo));

        assertThat(walk(one.dialogId(), Direction.OLDER, 10)).containsExactly(inOne);
        assertThat(walk(two.dialogId(), Direction.OLDER, 10)).containsExactly(inTwo);
    }
}
