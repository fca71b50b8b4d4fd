package dev.chat.loadtest;

import java.util.concurrent.ThreadLocalRandom;

/** Texts the virtual users send: chat-sized, JSON-safe as they are (no quotes or backslashes). */
final class Messages {

    private static final String[] TEXTS = new String[256];

    static {
        String[] words = {"hi", "hello", "are", "you", "there", "lunch", "at", "noon", "sure", "see", "you", "later",
            "the", "report", "is", "ready", "call", "me", "when", "free", "coffee", "tomorrow", "great", "thanks", "😀"};
        for (int i = 0; i < TEXTS.length; i++) {
            StringBuilder text = new StringBuilder("load ").append(i).append(':');
            int length = 20 + ThreadLocalRandom.current().nextInt(100);
            while (text.length() < length) {
                text.append(' ').append(words[ThreadLocalRandom.current().nextInt(words.length)]);
            }
            TEXTS[i] = text.toString();
        }
    }

    private Messages() {
    }

    static String random() {
        return TEXTS[ThreadLocalRandom.current().nextInt(TEXTS.length)];
    }
}
