package dev.chat.loadtest.collect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link CeilingMain}'s flags ({@code --name value}).
 *
 * @param out                where {@code ceiling.json} goes
 * @param warmup             seconds each operation runs before it is measured
 * @param seconds            seconds each operation is measured
 * @param threads            client threads (and PostgreSQL connections)
 * @param stores             which stores, in order ({@code redis}, {@code postgres})
 * @param readDialogs        dialogs the page reads rotate over
 * @param readMessages       messages in each of them (over 100, so a newest-100 page is full)
 * @param writeDialogs       dialogs the writes rotate over (at least a batch's 100)
 * @param memoryDialogs      dialogs of the memory data set
 * @param memoryMessages     messages in each of them
 * @param memorySizes        dialog sizes Redis' memory ratio is also given for
 * @param memorySizeDialogs  dialogs loaded for each of those sizes
 */
record CeilingOptions(Path out, int warmup, int seconds, int threads, List<String> stores, int readDialogs,
                      int readMessages, int writeDialogs, int memoryDialogs, int memoryMessages,
                      List<Integer> memorySizes, int memorySizeDialogs) {

    static final int BATCH = 100;
    private static final List<String> KNOWN = List.of("out", "warmup", "seconds", "threads", "stores", "read-dialogs",
            "read-messages", "write-dialogs", "memory-dialogs", "memory-messages", "memory-sizes", "memory-size-dialogs");

    CeilingOptions {
        if (warmup < 0 || seconds < 1 || threads < 1) {
            throw new IllegalArgumentException("ceiling: --warmup >= 0, --seconds >= 1, --threads >= 1");
        }
        if (stores.isEmpty() || !List.of("redis", "postgres").containsAll(stores)) {
            throw new IllegalArgumentException("ceiling: --stores is a list of redis, postgres; was " + stores);
        }
        if (readDialogs < 1 || readMessages <= 100 || writeDialogs < BATCH || memoryDialogs < 1 || memoryMessages < 1
                || memorySizeDialogs < 1 || memorySizes.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("ceiling: --read-messages must be over 100, --write-dialogs at least "
                    + BATCH + ", every other size at least 1");
        }
    }

    static CeilingOptions parse(String... args) {
        Map<String, String> o = new LinkedHashMap<>(Map.ofEntries(Map.entry("out", "ceiling.json"),
                Map.entry("warmup", "3"), Map.entry("seconds", "5"), Map.entry("threads", "8"),
                Map.entry("stores", "redis,postgres"), Map.entry("read-dialogs", "100"),
                Map.entry("read-messages", "120"), Map.entry("write-dialogs", "1000"),
                Map.entry("memory-dialogs", "1000"), Map.entry("memory-messages", "50"),
                Map.entry("memory-sizes", "16,50,128,200"), Map.entry("memory-size-dialogs", "100")));
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("ceiling: flags come as --name value pairs: " + String.join(" ", args));
        }
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("ceiling: unknown flag " + args[i] + "; known: " + KNOWN);
            }
            o.put(name, args[i + 1]);
        }
        return new CeilingOptions(Path.of(o.get("out")), integer(o, "warmup"), integer(o, "seconds"),
                integer(o, "threads"), Arrays.stream(o.get("stores").split(",")).map(String::trim).toList(),
                integer(o, "read-dialogs"), integer(o, "read-messages"), integer(o, "write-dialogs"),
                integer(o, "memory-dialogs"), integer(o, "memory-messages"),
                Arrays.stream(o.get("memory-sizes").split(",")).map(s -> Integer.parseInt(s.trim())).toList(),
                integer(o, "memory-size-dialogs"));
    }

    private static int integer(Map<String, String> o, String name) {
        try {
            return Integer.parseInt(o.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ceiling: --" + name + " must be a whole number, was " + o.get(name));
        }
    }
}
