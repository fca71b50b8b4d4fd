package dev.chat.loadtest.seed;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.id.MessageIds;

/**
 * Seeded messages: chat-like texts of 20..120 characters, ids and timestamps as the gateway makes them
 * (UUIDv7, {@code ts} = the id's millisecond), one a second in the past, so that everything the load test
 * sends later is newer. Public for the ceiling benchmark, which stores the same messages.
 */
public final class Texts {

    private static final String[] WORDS = {"hi", "hello", "how", "are", "you", "lunch", "today", "tomorrow", "meeting",
        "at", "noon", "sure", "ok", "see", "later", "thanks", "great", "the", "report", "is", "ready", "call", "me",
        "when", "free", "coffee", "?", "!", "weekend", "plans", "maybe", "yes", "no", "sounds", "good", "😀", "café"};

    private Texts() {
    }

    public static String text(int minChars) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int length = minChars + random.nextInt(100);
        StringBuilder text = new StringBuilder(length + 12);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.toString().trim();
    }

    /** Message {@code index} of a dialog whose first message was at {@code firstMillis}. */
    public static ChatMessage message(UUID dialog, UUID author, long firstMillis, int index) {
        long millis = firstMillis + index * 1000L;
        UUID id = new MessageIds(() -> millis).next();
        return new ChatMessage(id, author, dialog, text(20), MessageIds.millisOf(id));
    }
}
