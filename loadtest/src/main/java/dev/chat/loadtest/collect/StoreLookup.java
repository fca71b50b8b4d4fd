package dev.chat.loadtest.collect;

import java.util.List;

/** Looks accepted messages up in a dialog store by id, in batches (a full run accepts a few hundred thousand). */
interface StoreLookup extends AutoCloseable {

    /** A batch's size that keeps one round trip (Redis pipeline, SQL statement) well under a second. */
    int BATCH = 2000;

    /** For each message of the batch, in order: how many copies of it the store holds (0: missing, 2+: duplicated). */
    int[] copies(List<AcceptedMessage> batch) throws Exception;

    /** How the lookup works, for delivery.json and the report. */
    String method();

    @Override
    void close();
}
