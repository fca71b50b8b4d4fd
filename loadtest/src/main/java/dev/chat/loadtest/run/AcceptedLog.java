package dev.chat.loadtest.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every send the gateway accepted during a run, warm-up included: {@code accepted.tsv} beside {@code results.json},
 * one line per accepted message, {@code id <TAB> dialog_id <TAB> ts <TAB> via} ({@code http} or {@code ws}), after
 * a header line. After the run the delivery check ({@code DeliveryMain}) looks each of them up in the store.
 * Thread-safe: Gatling's threads append under one lock (a few hundred lines a second, buffered).
 */
public final class AcceptedLog implements AutoCloseable {

    public static final String FILE = "accepted.tsv";
    public static final String HEADER = "id\tdialog_id\tts\tvia";

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern DIALOG = Pattern.compile("\"dialog_id\":\"([0-9a-f-]{36})\"");
    private static final Pattern TS = Pattern.compile("\"ts\":(\\d+)");

    private final BufferedWriter out;
    private long lines;
    private IOException failure;

    private AcceptedLog(BufferedWriter out) {
        this.out = out;
    }

    /** {@code accepted.tsv} in the folder of {@code results.json}. */
    public static Path beside(Path resultsJson) {
        return resultsJson.toAbsolutePath().resolveSibling(FILE);
    }

    public static AcceptedLog create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        BufferedWriter out = Files.newBufferedWriter(file);
        out.write(HEADER);
        out.newLine();
        return new AcceptedLog(out);
    }

    /**
     * Keeps the first write failure for {@link #close()} instead of throwing into Gatling's event loop: a lost
     * line would otherwise show up later as a "missing" message that was never missing.
     */
    public synchronized void add(String id, String dialogId, long ts, String via) {
        if (failure != null) {
            return;
        }
        try {
            out.write(id + '\t' + dialogId + '\t' + ts + '\t' + via);
            out.newLine();
            lines++;
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * The gateway's answer to an accepted send, {@code {"id","dialog_id","ts"}} (HTTP) or the {@code accepted} frame
     * (WebSocket, docs/websocket.md), whatever the order of its fields.
     *
     * @return false when the answer does not carry all three (nothing is recorded then)
     */
    public boolean addAnswer(String json, String via) {
        Matcher id = ID.matcher(json);
        Matcher dialog = DIALOG.matcher(json);
        Matcher ts = TS.matcher(json);
        if (!id.find() || !dialog.find() || !ts.find()) {
            return false;
        }
        add(id.group(1), dialog.group(1), Long.parseLong(ts.group(1)), via);
        return true;
    }

    public synchronized long count() {
        return lines;
    }

    /** Flushes and closes; throws the first write failure, if any, so that the run fails rather than the check lies. */
    @Override
    public synchronized void close() throws IOException {
        out.close();
        if (failure != null) {
            throw new IOException("loadtest: could not record an accepted message: " + failure.getMessage(), failure);
        }
    }
}
