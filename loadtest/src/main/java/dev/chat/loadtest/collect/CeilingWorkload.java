package dev.chat.loadtest.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.EncodedPage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.id.MessageIds;
import dev.chat.loadtest.seed.Texts;

/**
 * The ceiling's data and operations, the same for both stores: the memory data set and the dialogs the page
 * reads rotate over (seed-like messages, generated once so both stores hold the same bytes), and the four
 * measured operations over the {@link DialogStore} seam.
 */
final class CeilingWorkload {

    /** A measured operation: its key in {@code ceiling.json}, messages written per call, the call. */
    record Operation(String key, int messagesPerOp, Throughput.Op call) {
    }

    /**
     * Dialogs and their messages.
     *
     * @param ids      the dialog ids
     * @param messages all messages, in time order across the dialogs (the first of every dialog, then the
     *                 second...), as a live system would have written them
     */
    record Dialogs(List<UUID> ids, List<ChatMessage> messages) {

        /** {@code count} dialogs of {@code perDialog} seed messages, a second apart, ending before now. */
        static Dialogs generate(int count, int perDialog) {
            List<UUID> ids = new ArrayList<>(count);
            List<UUID[]> users = new ArrayList<>(count);
            for (int d = 0; d < count; d++) {
                ids.add(UUID.randomUUID());
                users.add(new UUID[] {UUID.randomUUID(), UUID.randomUUID()});
            }
            long firstMillis = System.currentTimeMillis() - (perDialog + 1) * 1000L;
            List<ChatMessage> messages = new ArrayList<>(count * perDialog);
            for (int m = 0; m < perDialog; m++) {
                for (int d = 0; d < count; d++) {
                    messages.add(Texts.message(ids.get(d), users.get(d)[m % 2], firstMillis, m));
                }
            }
            return new Dialogs(List.copyOf(ids), messages);
        }
    }

    private static final int TEXTS = 1024;

    private final CeilingOptions options;
    private final Dialogs memory;
    private final Dialogs reads;
    private final UUID[] writeDialogs;
    private final UUID[] writeAuthors;
    private final String[] texts = new String[TEXTS];
    private final MessageIds ids = new MessageIds();

    CeilingWorkload(CeilingOptions options) {
        this.options = options;
        memory = Dialogs.generate(options.memoryDialogs(), options.memoryMessages());
        reads = Dialogs.generate(options.readDialogs(), options.readMessages());
        writeDialogs = new UUID[options.writeDialogs()];
        writeAuthors = new UUID[options.writeDialogs()];
        for (int d = 0; d < writeDialogs.length; d++) {
            writeDialogs[d] = UUID.randomUUID();
            writeAuthors[d] = UUID.randomUUID();
        }
        for (int i = 0; i < texts.length; i++) {
            texts[i] = Texts.text(20);
        }
    }

    Dialogs memory() {
        return memory;
    }

    Dialogs reads() {
        return reads;
    }

    /** The dialog sizes the memory ratio is also given for (Redis' encoding changes with the size). */
    List<Integer> memorySizes() {
        return options.memorySizes();
    }

    /** A data set of dialogs of this size, generated anew at each call. */
    Dialogs memorySizeSet(int messagesPerDialog) {
        return Dialogs.generate(options.memorySizeDialogs(), messagesPerDialog);
    }

    /** Newest 50, newest 100 (rotating over the read dialogs), one write, a batch of 100 writes. */
    List<Operation> operations(DialogStore store) {
        return List.of(
                new Operation("newest50", 1, seq -> page(store, seq, 50)),
                new Operation("newest100", 1, seq -> page(store, seq, 100)),
                new Operation("write", 1, seq -> store.writeMessage(newMessage(seq), null)),
                new Operation("batch100", CeilingOptions.BATCH, seq -> store.writeMessages(batch(seq))));
    }

    /** The reader's own call: pages in the stored encoding, which neither store's client then decodes. */
    private void page(DialogStore store, long seq, int limit) {
        UUID dialog = reads.ids().get((int) (seq % reads.ids().size()));
        EncodedPage page = store.showEncoded(dialog, PageRequest.newest(limit));
        if (page.messages().size() != limit) {
            throw new IllegalStateException("ceiling: a newest-" + limit + " page of " + dialog + " had "
                    + page.messages().size() + " messages");
        }
    }

    /** A new message (id and {@code ts} of now, as the gateway makes them) in write dialog {@code seq}. */
    private ChatMessage newMessage(long seq) {
        int d = (int) (seq % writeDialogs.length);
        UUID id = ids.next();
        return new ChatMessage(id, writeAuthors[d], writeDialogs[d], texts[(int) (seq % TEXTS)], MessageIds.millisOf(id));
    }

    /** {@link CeilingOptions#BATCH} new messages in as many consecutive, so different, write dialogs. */
    List<MessageWrite> batch(long seq) {
        List<MessageWrite> writes = new ArrayList<>(CeilingOptions.BATCH);
        for (int i = 0; i < CeilingOptions.BATCH; i++) {
            writes.add(new MessageWrite(newMessage(seq * CeilingOptions.BATCH + i), null));
        }
        return writes;
    }

    /**
     * Writes the messages through the store in batches of {@link CeilingOptions#BATCH} ({@code writeMessages}:
     * a pipeline on Redis, a transaction on PostgreSQL) from {@code threads} threads: what is stored is what the
     * store writes, and the loading is not what is measured.
     */
    static void load(DialogStore store, List<ChatMessage> messages, int threads) throws Exception {
        List<Callable<Void>> batches = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += CeilingOptions.BATCH) {
            List<MessageWrite> batch = messages.subList(from, Math.min(from + CeilingOptions.BATCH, messages.size()))
                    .stream().map(m -> new MessageWrite(m, null)).toList();
            batches.add(() -> {
                store.writeMessages(batch);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> done : pool.invokeAll(batches)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
