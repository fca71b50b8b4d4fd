package dev.chat.loadtest.report;

import static dev.chat.loadtest.report.Md.n;
import static dev.chat.loadtest.report.Md.ratio;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "At the store": the stores alone, without HTTP or Kafka ({@code ceiling.json}, measured before the load test), so
 * that the customer's question can be answered for the store itself too. For reports whose ceiling.json has the
 * legacy keys only, the Redis calls/s as the old "raw ceiling" section showed them.
 */
final class StoreSection {

    private static final Map<String, String> LABELS = Map.of(
            "newest50", "newest 50 messages of a dialog",
            "newest100", "newest 100 messages of a dialog (what the reader reads)",
            "write", "write one message",
            "batch100", "write a batch of 100 messages (per call; messages/s in brackets)");

    private StoreSection() {
    }

    static void render(Md md, Ceiling c) {
        md.heading(2, "At the store (the stores alone: no HTTP, no Kafka)");
        if (!c.any()) {
            md.line("Not measured in this run (no `data/ceiling.json`).");
            return;
        }
        if (!c.perStore()) {
            legacy(md, c);
            return;
        }
        md.line("Measured before the load test on this machine (`CeilingMain`): each store on a private server, called through"
                + " its own Java binding by " + c.get("threads") + " threads, " + c.get("seconds") + " s a figure. Server CPU: the"
                + " store's processes (PostgreSQL: the postmaster and all its backends) from /proc over the measured seconds, per"
                + " call; client CPU: the benchmark's own JVM (when it nears the cores, the client bounds the calls/s).").blank();
        for (String store : List.of("redis", "postgres")) {
            if (c.has(store)) {
                md.line("- **" + MarkdownDetails.label(store) + "**: " + c.describe(store, "server") + "; " + c.describe(store, "client") + ".");
            }
        }
        md.blank().header("operation", "Redis calls/s", "PostgreSQL calls/s", "Redis ÷ SQL", "Redis server CPU ms/call",
                "PostgreSQL server CPU ms/call", "Redis ÷ SQL", "client CPU ms/call (Redis / SQL)");
        for (String op : Ceiling.OPS) {
            Double ro = c.figure("redis", op, "opsPerSecond");
            Double so = c.figure("postgres", op, "opsPerSecond");
            if (ro == null && so == null) {
                continue;
            }
            Double rc = c.figure("redis", op, "serverCpuMsPerOp");
            Double sc = c.figure("postgres", op, "serverCpuMsPerOp");
            md.row(LABELS.getOrDefault(op, op), ops(c, "redis", op), ops(c, "postgres", op), ratio(div(ro, so)), ms(rc), ms(sc),
                    ratio(div(rc, sc)), ms(c.figure("redis", op, "clientCpuMsPerOp")) + " / " + ms(c.figure("postgres", op, "clientCpuMsPerOp")));
        }
        memory(md, c);
    }

    private static void memory(Md md, Ceiling c) {
        if (c.memory("redis").isEmpty() && c.memory("postgres").isEmpty()) {
            return;
        }
        md.blank().line("Memory and disk per message, against one yardstick for both: the bytes of each message encoded as the"
                + " Lua library's member (`{\"id\",\"author_id\",\"chat_id\",\"message\",\"ts\"}` JSON, UTF-8), summed.").blank();
        md.header("store", "data set", "members' bytes", "store bytes", "bytes per message", "ratio to the members' bytes", "how");
        for (String store : List.of("redis", "postgres")) {
            Map<String, Object> m = c.memory(store);
            if (!m.isEmpty()) {
                md.row(MarkdownDetails.label(store), n(num(m, "dialogs")) + " dialogs × " + n(num(m, "messagesPerDialog")) + " messages",
                        n(num(m, "memberBytes")), n(num(m, "storeBytes")), Md.n1(num(m, "bytesPerMessage")),
                        String.format(Locale.ROOT, "%.3f", num(m, "ratioToMembers")), m.getOrDefault("method", ""));
            }
        }
        List<double[]> sizes = c.byDialogSize("redis");
        if (!sizes.isEmpty()) {
            StringBuilder line = new StringBuilder("Redis by dialog size (messages a dialog: ratio to the members' bytes): ");
            for (int i = 0; i < sizes.size(); i++) {
                line.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f: %.3f", sizes.get(i)[0], sizes.get(i)[1]));
            }
            md.blank().line(line.append('.').toString());
        }
    }

    /** Reports from before the per-store benchmark: Redis calls/s only. */
    private static void legacy(Md md, Ceiling c) {
        md.line("This run's `ceiling.json` predates the per-store benchmark: Redis only, calls/s only (no PostgreSQL, no CPU,"
                + " no memory). Measured first, like redis-udf's JMH `RedisChatBenchmark`: " + c.get("redis") + ", the Java binding, "
                + c.get("threads") + " threads, " + c.get("seconds") + " s a figure.").blank();
        md.header("call", "Redis calls/s");
        md.row("`show_messages` newest 50 (1,000 in the dialog)", n(c.legacy("showMessages50")));
        md.row("`show_messages` newest 100 (what the reader's OTUS list reads)", n(c.legacy("showMessages100")));
        md.row("`write_message` (over 1,000 dialogs)", n(c.legacy("writeMessage")));
    }

    private static String ops(Ceiling c, String store, String op) {
        Double ops = c.figure(store, op, "opsPerSecond");
        Double messages = c.figure(store, op, "messagesPerSecond");
        return ops == null ? "–" : n(ops) + (messages == null ? "" : " (" + n(messages) + ")");
    }

    private static String ms(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static Double div(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : SummaryBuilder.div(a, b);
    }

    private static double num(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number number ? number.doubleValue() : 0;
    }
}
