package dev.chat.loadtest.collect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.chat.loadtest.run.AcceptedLog;

/** A message the gateway accepted during the run: where the writer must have stored it. */
record AcceptedMessage(UUID id, UUID dialogId, long ts) {

    /**
     * The lines of an {@code accepted.tsv} ({@link AcceptedLog}), each id once: a message the gateway answered twice
     * (a client's retry with the same request id gets the first answer back) is one message to find.
     */
    static List<AcceptedMessage> read(Path file) throws IOException {
        List<AcceptedMessage> messages = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line = in.readLine();
            if (line != null && !line.equals(AcceptedLog.HEADER)) {
                throw new IOException(file + ": not an accepted log (first line: " + line + ")");
            }
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                AcceptedMessage m = parse(line, file, number);
                if (seen.add(m.id())) {
                    messages.add(m);
                }
            }
        }
        return messages;
    }

    private static AcceptedMessage parse(String line, Path file, int number) throws IOException {
        String[] f = line.split("\t", -1);
        try {
            return new AcceptedMessage(UUID.fromString(f[0]), UUID.fromString(f[1]), Long.parseLong(f[2]));
        } catch (RuntimeException e) {
            throw new IOException(file + ":" + number + ": not id, dialog_id, ts: " + line, e);
        }
    }
}
