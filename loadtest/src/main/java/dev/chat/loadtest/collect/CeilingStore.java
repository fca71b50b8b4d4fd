package dev.chat.loadtest.collect;

import java.util.Map;

import dev.chat.common.dialog.DialogStore;

/** One store of the ceiling on its private server: started by its factory, stopped by {@link #close()}. */
interface CeilingStore extends AutoCloseable {

    /** Its key in {@code ceiling.json}'s {@code stores}. */
    String key();

    /** The server and the settings the figures depend on. */
    String server();

    /** How the client reaches it. */
    String client();

    /** The store's own binding, as the services use it. */
    DialogStore store();

    /** The server's process for {@link ProcCpu}. */
    Throughput.Server process();

    /** Loads the workload's memory data set through {@link #store()} and returns what the store takes for it. */
    Map<String, Object> memory(CeilingWorkload workload) throws Exception;

    /** What the store needs after a bulk load so the measured operations start settled. */
    void settle() throws Exception;

    /** Stops the server; safe to call twice (the shutdown hook and the normal path). */
    @Override
    void close();
}
