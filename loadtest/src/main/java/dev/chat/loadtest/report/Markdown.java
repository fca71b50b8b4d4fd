package dev.chat.loadtest.report;

import static dev.chat.loadtest.report.Md.n;
import static dev.chat.loadtest.report.Md.pct;
import static dev.chat.loadtest.report.Md.ratio;

import java.util.Map;

import dev.chat.loadtest.report.Summary.StoreSummary;
import dev.chat.loadtest.report.Summary.Verdict;
import dev.chat.loadtest.report.Summary.Window;

/**
 * REPORT.md: the customer's table, the stores alone, the answers and the delivery check first; the details after
 * ({@link MarkdownDetails}, {@link CpuSection}, {@link SetupSection}).
 */
final class Markdown {

    private Markdown() {
    }

    /** @param notes the report folder's NOTES.md (the analysis written after the run), or null */
    static String render(Summary s, String notes) {
        StoreSummary sql = s.stores().get("postgres");
        StoreSummary redis = s.stores().get("redis");
        Md md = new Md();
        md.line("# Load test: SQL baseline vs Redis Functions — " + s.profile() + " profile, " + s.date());
        md.blank().line("`" + s.command() + "` on " + s.machine().get("cpus") + " CPUs / " + s.machine().get("memory")
                + "; commit `" + s.run().get("commit") + "`; machine load average before the run: "
                + s.run().get("load_before") + " (1, 5, 15 min); " + s.run().get("seconds") + " s in all. Set-up, data set and"
                + " method at the end.");
        String stopped = s.run().get("stopped");
        if (stopped != null && !stopped.isBlank()) {
            md.blank().line("**The run stopped early: " + stopped + ".** The figures below are what it measured before that.");
        }
        customerTable(md, sql, redis, s.ratios() == null ? null : s.ratios().get("overall"));
        StoreSection.render(md, new Ceiling(s.ceiling()));
        md.heading(2, "Acceptance criteria (the customer's)");
        md.line("Answered on two levels: at the store (the stores alone, the section above) and full stack (the load test:"
                + " HTTP, Kafka, the three services and both stores' servers on one machine).").blank();
        for (Verdict v : s.acceptance()) {
            md.line("- **" + v.question() + "** **" + capitalised(v.answer()) + ".** " + v.evidence());
        }
        md.heading(2, "Targets");
        md.line("Those \"on both stores\" are judged for each store; the others for Redis Functions, the store under"
                + " evaluation, with SQL's figure beside it. \"The top stage\" is the last one.").blank();
        md.header("target", "result", "status", "details");
        for (Verdict v : s.targets()) {
            md.row(v.question(), v.answer(), !v.measured() ? "– not measured" : v.met() ? "✅ met" : "❌ missed", v.evidence());
        }
        DeliverySection.render(md, s);
        md.heading(2, "Where each store starts to fail");
        for (StoreSummary store : new StoreSummary[] {sql, redis}) {
            if (store != null) {
                md.line("- **" + MarkdownDetails.label(store.store()) + "**: " + failing(store));
            }
        }
        md.line("").line("(\"Errors\": the first stage with a failed request. \"Latency climbs\": the first stage whose p95 of"
                + " reads or sends is over 50 ms and more than twice the previous stage's.)");
        if (notes != null && !notes.isBlank()) {
            md.heading(2, "Findings (NOTES.md, written after the run from the figures below)");
            md.line(notes.strip());
        }
        MarkdownDetails.charts(md);
        MarkdownDetails.stages(md, s);
        MarkdownDetails.endToEnd(md, s);
        CpuSection.render(md, s);
        MarkdownDetails.setup(md, s);
        return md.toString();
    }

    private static void customerTable(Md md, StoreSummary sql, StoreSummary redis, Map<String, Double> ratios) {
        md.heading(2, "The customer's table (all measured stages; warm-up excluded)");
        md.header("Configuration", "total requests", "errors", "avg RPS", "throughput reads/s / writes/s");
        md.row("Customer's own baseline (Python, SQL, 1 worker, 8-core laptop)", "8,984", "2 (0.02 %)", "30", "20 / 10");
        for (StoreSummary store : new StoreSummary[] {sql, redis}) {
            if (store != null) {
                Window o = store.overall();
                md.row("**" + MarkdownDetails.label(store.store()) + "**", n(o.requests()), n(o.errors()) + " (" + pct(o.errorPercent()) + ")",
                        n(o.rps()), n(o.readsPerSecond()) + " / " + n(o.writesPerSecond()));
            }
        }
        if (ratios != null) {
            md.row("**Redis ÷ SQL**", ratio(ratios.get("requests")), "", ratio(ratios.get("rps")),
                    ratio(ratios.get("readsPerSecond")) + " / " + ratio(ratios.get("writesPerSecond")));
        }
        md.blank().line("Reads are `GET /dialog/{friend}/list` on the reader (the newest 100 messages), writes `POST"
                + " /dialog/{friend}/send` on the gateway (accepted once Kafka has it; stored by the writer). Averages are over"
                + " the measured stages' whole length, as the customer's are; per-stage figures below.");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String failing(StoreSummary store) {
        String errors = store.errorsFromUsers() == null ? "no failed request at any stage"
                : "errors from **" + store.errorsFromUsers() + " users**";
        String latency = store.latencyClimbsFromUsers() == null ? "latency does not climb sharply at any stage"
                : "latency climbs from **" + store.latencyClimbsFromUsers() + " users**";
        return errors + "; " + latency + ".";
    }
}
