package dev.chat.loadtest.seed;

/** Writes the plan's dialogs and their messages into one dialog store, as fast as it can. */
interface DialogLoader extends AutoCloseable {

    /**
     * Creates every dialog of the plan and {@code messagesPerDialog} messages in each, authors alternating
     * between the two users, all timestamps before {@code beforeMillis}.
     */
    void load(SeedPlan plan, int messagesPerDialog, long beforeMillis, Progress progress) throws Exception;

    /** What the store needs after a bulk load so the run starts settled (statistics, AOF rewrite...). */
    void settle() throws Exception;

    @Override
    void close();
}
