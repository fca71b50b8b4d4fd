package dev.chat.loadtest.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/** A run's outcome: the verdict, and {@code <out>/<name>.json} plus a markdown section {@code <out>/<name>.md}. */
record Result(FaultOptions options, String run, Counts counts, int missingDialogs, Map<Integer, List<Sent>> sent,
              List<Timeline.Event> events, OutageProbe probe, Watchers.Summary live) {

    private static final int BUCKET_MS = 5000;

    boolean passed() {
        boolean onlyLoss = counts.duplicated() == 0 && counts.outOfOrder() == 0 && counts.rejectedButStored() == 0
                && counts.idMismatch() == 0;
        boolean messages = counts.accepted() > 0 && (counts.intact() || options.expectLoss() && onlyLoss);
        return messages && (probe == null || probe.passed()) && (live == null || live.unseen() == 0);
    }

    String verdict() {
        if (!passed()) {
            return "FAIL";
        }
        return counts.lost() > 0 ? "PASS (loss stated: " + counts.lost() + " accepted messages lost)" : "PASS";
    }

    String verdictLine() {
        Outage w = outage();
        return "faults: " + options.name() + " " + verdict() + ": sent " + counts.sent() + ", accepted "
                + counts.accepted() + ", rejected " + counts.rejectedTotal() + ", stored " + counts.stored() + ", lost "
                + counts.lost() + ", duplicated " + counts.duplicated() + ", out of order " + counts.outOfOrder()
                + ", rejected but stored " + counts.rejectedButStored() + ", id mismatch " + counts.idMismatch()
                + "; outage: longest gap " + w.longestGapMs() / 1000.0 + " s, refused for " + w.refusedSpanMs() / 1000.0 + " s"
                + (live == null ? "" : "; WebSocket clients: " + live.losses() + " lost, longest back and caught up "
                        + live.longestRecoveryMs() / 1000.0 + " s, unseen " + live.unseen());
    }

    /**
     * The outage as the clients saw it. {@code longestGapMs}: the longest time one dialog's sender waited between two
     * accepted answers (at 8 msg/s normally 125 ms; a send that hung, was retried or refused stretches it), with the
     * dialog and when the gap began (ms after the traffic started). {@code refused*}: the first and the last refused
     * send's final answer, and the span between them (0 when none was refused).
     */
    record Outage(long longestGapMs, int gapDialog, long gapFromMs, long refusedFirstMs, long refusedLastMs) {
        long refusedSpanMs() {
            return refusedFirstMs < 0 ? 0 : refusedLastMs - refusedFirstMs;
        }
    }

    Outage outage() {
        long gap = 0, from = -1, refusedFirst = -1, refusedLast = -1;
        int dialog = -1;
        for (List<Sent> list : sent.values()) {
            long last = -1;
            for (Sent s : list) {
                if (!s.accepted()) {
                    refusedFirst = refusedFirst < 0 ? s.atMillis() : Math.min(refusedFirst, s.atMillis());
                    refusedLast = Math.max(refusedLast, s.atMillis());
                    continue;
                }
                if (last >= 0 && s.atMillis() - last > gap) {
                    gap = s.atMillis() - last;
                    from = last;
                    dialog = s.dialog();
                }
                last = s.atMillis();
            }
        }
        return new Outage(gap, dialog, from, refusedFirst, refusedLast);
    }

    void write() throws IOException {
        Files.createDirectories(options.out());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", options.name());
        json.put("run", run);
        json.put("verdict", verdict());
        json.put("passed", passed());
        json.put("counts", counts);
        json.put("missingDialogs", missingDialogs);
        Outage w = outage();
        Map<String, Object> outage = new LinkedHashMap<>();
        outage.put("longestGapMs", w.longestGapMs());
        outage.put("gapDialog", w.gapDialog());
        outage.put("gapFromMs", w.gapFromMs());
        outage.put("refusedFirstMs", w.refusedFirstMs());
        outage.put("refusedLastMs", w.refusedLastMs());
        outage.put("refusedSpanMs", w.refusedSpanMs());
        json.put("outage", outage);
        json.put("options", Map.of("dialogs", options.dialogs(), "perSecond", options.perSecond(), "seconds",
                options.seconds(), "gateways", options.gateways(), "readers", options.readers()));
        if (live != null) {
            json.put("live", live);
        }
        json.put("timeline", events);
        if (probe != null) {
            json.put("outageProbes", probe.duringByCall());
            json.put("afterRecovery", probe.after());
        }
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValue(options.out().resolve(options.name() + ".json").toFile(), json);
        Files.writeString(options.out().resolve(options.name() + ".md"), markdown());
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(options.name()).append(": ").append(verdict()).append("\n\n");
        if (!options.describe().isEmpty()) {
            md.append(options.describe()).append(" ");
        }
        md.append("Run `").append(run).append("`, ").append(java.time.Instant.now().truncatedTo(
                java.time.temporal.ChronoUnit.MINUTES)).append(".\n\n");
        md.append("| sent | accepted (on retry) | rejected | stored | lost | duplicated | out of order | rejected but stored | id mismatch |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        md.append("| ").append(counts.sent()).append(" | ").append(counts.accepted()).append(" (")
                .append(counts.acceptedOnRetry()).append(") | ").append(rejected()).append(" | ").append(counts.stored())
                .append(" | ").append(counts.lost()).append(" | ").append(counts.duplicated()).append(" | ")
                .append(counts.outOfOrder()).append(" | ").append(counts.rejectedButStored()).append(" | ")
                .append(counts.idMismatch()).append(" |\n\n");
        md.append(options.dialogs()).append(" dialogs, each one sequential sender alternating its two users at ")
                .append(options.perSecond()).append(" msg/s for ").append(options.seconds()).append(" s; ")
                .append(options.gateways().size()).append(" gateway(s), ").append(options.readers().size())
                .append(" reader(s). Dialogs the reader no longer knew (404): ").append(missingDialogs).append(".");
        if (counts.lost() > 0) {
            md.append(" Lost messages were accepted between ").append(counts.lostFirstMs() / 1000.0).append(" s and ")
                    .append(counts.lostLastMs() / 1000.0).append(" s.");
        }
        Outage w = outage();
        md.append("\n\nOutage as the senders saw it: the longest wait of one dialog between two accepted answers was ")
                .append(w.longestGapMs() / 1000.0).append(" s (dialog ").append(w.gapDialog()).append(", from ")
                .append(w.gapFromMs() / 1000.0).append(" s; the pace is ")
                .append(Math.round(1000 / options.perSecond())).append(" ms); ");
        if (w.refusedFirstMs() < 0) {
            md.append("no send was refused.");
        } else {
            md.append("refused sends answered between ").append(w.refusedFirstMs() / 1000.0).append(" s and ")
                    .append(w.refusedLastMs() / 1000.0).append(" s (").append(w.refusedSpanMs() / 1000.0).append(" s).");
        }
        if (live != null) {
            md.append("\n\nWebSocket clients (one per dialog, its second user; on a lost connection they reconnect to the"
                    + " next gateway, socket first, then read `?after=<newer>` until a short page): ").append(live.watchers())
                    .append(" clients, ").append(live.losses()).append(" lost connection(s), the longest until back and caught up ")
                    .append(live.longestRecoveryMs() / 1000.0).append(" s; stored messages no client saw: ").append(live.unseen())
                    .append(".");
        }
        md.append("\n\nAnswers per 5 s (accepted/refused): ").append(buckets()).append("\n\n");
        md.append("Time line (s after the traffic started):\n\n");
        events.forEach(e -> md.append("* ").append(String.format("%.1f", e.atMs() / 1000.0)).append(" ")
                .append(e.what().replace("|", "\\|")).append("\n"));
        if (probe != null) {
            md.append("\nDuring the outage, answers by call (status and problem type): ").append(probe.duringByCall())
                    .append(". After recovery: ").append(probe.after().stream()
                            .map(p -> p.call() + " " + p.status()).collect(Collectors.joining(", "))).append(".\n");
        }
        return md.append("\n").toString();
    }

    private String rejected() {
        if (counts.rejectedTotal() == 0) {
            return "0";
        }
        return counts.rejectedTotal() + " (" + counts.rejected().entrySet().stream()
                .map(e -> (e.getKey() == ChatApi.NO_ANSWER ? "no answer" : e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private String buckets() {
        Map<Long, int[]> by = new TreeMap<>();
        sent.values().forEach(list -> list.forEach(s -> by.computeIfAbsent(s.atMillis() / BUCKET_MS, k -> new int[2])
                [s.accepted() ? 0 : 1]++));
        return by.entrySet().stream().map(e -> e.getKey() * 5 + "s " + e.getValue()[0] + "/" + e.getValue()[1])
                .collect(Collectors.joining(", "));
    }
}
