package dev.chat.loadtest.report;

import static dev.chat.loadtest.report.Md.n;
import static dev.chat.loadtest.report.Md.n1;
import static dev.chat.loadtest.report.Md.ratio;

import java.util.Map;

import dev.chat.loadtest.report.StoreRun.E2e;
import dev.chat.loadtest.report.Summary.StoreSummary;
import dev.chat.loadtest.report.Summary.Window;
import dev.chat.loadtest.run.Figures;

/** The detail sections of REPORT.md: per stage, end to end, charts (CPU and GC: {@link CpuSection}). */
final class MarkdownDetails {

    private MarkdownDetails() {
    }

    static String label(String store) {
        return store.equals("postgres") ? "SQL (PostgreSQL)" : "Redis Functions";
    }

    static void charts(Md md) {
        md.heading(2, "Charts");
        md.line("![Requests per second, both stores](rps.png)").blank();
        md.line("![p95 latency per second, both stores](p95.png)");
    }

    static void stages(Md md, Summary s) {
        md.heading(2, "Per stage and operation");
        md.line("Latencies in ms of the successful requests, as Gatling measures them (whole ms); req/s over the whole stage,"
                + " ramp included. Ratio rows: Redis ÷ SQL (throughput: higher is better for Redis; latency: lower is).");
        if (s.stores().values().stream().anyMatch(st -> st.overall().dialogs() != null)) {
            md.line("¹ `dialogs`: the dialog list (`GET /api/v1/dialogs?limit=20`, reader), fetched by each user on its first"
                    + " round and then on about one round in 20 (`loadtest.dialogs.every`); not in the customer's profile, so not"
                    + " in **all**, the throughput figures or the ratios.");
        }
        StoreSummary sql = s.stores().get("postgres");
        StoreSummary redis = s.stores().get("redis");
        StoreSummary any = sql != null ? sql : redis;
        for (int i = 0; i < any.stages().size(); i++) {
            md.heading(3, any.stages().get(i).name());
            md.header("store", "op", "requests", "errors", "req/s", "mean", "p50", "p95", "p99", "max");
            for (StoreSummary store : new StoreSummary[] {sql, redis}) {
                if (store != null) {
                    Window w = store.stages().get(i);
                    op(md, store.store(), "read", w.read());
                    op(md, store.store(), "send", w.send());
                    if (w.dialogs() != null) {
                        op(md, store.store(), "dialogs¹", w.dialogs());
                    }
                    md.row(label(store.store()), "**all**", n(w.requests()), n(w.errors()), "**" + n(w.rps()) + "**", "", "", "", "", "");
                }
            }
            Map<String, Double> r = s.ratios() == null ? null : s.ratios().get("stage" + (i + 1));
            if (r != null) {
                md.row("Redis ÷ SQL", "read", "", "", ratio(r.get("readsPerSecond")), "", ratio(r.get("readP50")),
                        ratio(r.get("readP95")), ratio(r.get("readP99")), "");
                md.row("Redis ÷ SQL", "send", "", "", ratio(r.get("writesPerSecond")), "", ratio(r.get("sendP50")),
                        ratio(r.get("sendP95")), ratio(r.get("sendP99")), "");
            }
        }
    }

    private static void op(Md md, String store, String op, Figures f) {
        md.row(label(store), op, n(f.requests()), f.errors() == 0 ? "0" : n(f.errors()) + " " + f.errorKinds(), n(f.perSecond()),
                n1(f.mean()), f.p50(), f.p95(), f.p99(), f.max());
    }

    static void endToEnd(Md md, Summary s) {
        md.heading(2, "End-to-end write latency");
        md.line("**Accepted → stored**: from the gateway's acceptance (the message's timestamp) to the writer's store call"
                + " returning (`storedAt` of the writer's `WRITTEN` event; the same interval as its"
                + " `chat.writer.accepted.to.stored` timer), every message of the run, read back from Kafka after it. ms.").blank();
        md.header("stage", "SQL p50 / p95 / p99 / max", "Redis p50 / p95 / p99 / max", "Redis ÷ SQL p95", "written (SQL / Redis)");
        StoreSummary sql = s.stores().get("postgres");
        StoreSummary redis = s.stores().get("redis");
        StoreSummary any = sql != null ? sql : redis;
        for (int i = 0; i <= any.stages().size(); i++) {
            boolean overall = i == any.stages().size();
            E2e a = sql == null ? null : (overall ? sql.overall() : sql.stages().get(i)).acceptedToStored();
            E2e b = redis == null ? null : (overall ? redis.overall() : redis.stages().get(i)).acceptedToStored();
            md.row(overall ? "**overall**" : any.stages().get(i).name(), e2e(a), e2e(b),
                    a == null || b == null ? "–" : ratio(SummaryBuilder.div(b.p95(), a.p95())),
                    (a == null ? "–" : n(a.written())) + " / " + (b == null ? "–" : n(b.written())));
        }
        for (StoreSummary st : s.stores().values()) {
            E2e e = st.overall().acceptedToStored();
            if (e != null && e.pendingAfterWait() != null && e.pendingAfterWait() > 0) {
                md.blank().line("**" + label(st.store()) + "**: the writer was still " + n(e.pendingAfterWait())
                        + " commands behind when the collector stopped waiting; their (longest) latencies are not in the table.");
            }
        }
        boolean pushed = s.stores().values().stream().anyMatch(st -> st.overall().acceptedToPushed() != null);
        if (!pushed) {
            md.blank().line("**Accepted → pushed** over WebSocket: not measured in this run (no WebSocket scenario).");
            return;
        }
        md.blank().line("**Accepted → pushed** over WebSocket (gateway `/ws`): a few pairs of friends beside the HTTP load,"
                + " the recipient connected, the sender sending a frame a second; the time from the message's acceptance"
                + " (`ts`) to its `message` frame arriving at a connected recipient, for every message of the recipients'"
                + " dialogs (the HTTP users' included). And the sender's frame → `accepted` frame. ms.").blank();
        md.header("stage", "SQL pushed p50 / p95 / p99 / max (n)", "Redis pushed p50 / p95 / p99 / max (n)",
                "SQL ws send→accepted p50 / p95", "Redis ws send→accepted p50 / p95");
        for (int i = 0; i <= any.stages().size(); i++) {
            boolean overall = i == any.stages().size();
            Window a = sql == null ? null : overall ? sql.overall() : sql.stages().get(i);
            Window b = redis == null ? null : overall ? redis.overall() : redis.stages().get(i);
            md.row(overall ? "**overall**" : any.stages().get(i).name(), pushed(a), pushed(b), wsSend(a), wsSend(b));
        }
        md.blank().line("WebSocket messages sent / pushed to their recipient before it hung up (the listeners stay"
                + " connected a while after the run): SQL " + delivered(sql) + ", Redis " + delivered(redis) + ".");
    }

    private static String delivered(StoreSummary store) {
        return store == null ? "–" : n(store.counters().getOrDefault("ws.sent", 0L)) + " / "
                + n(store.counters().getOrDefault("ws.pushed", 0L));
    }

    private static String pushed(Window w) {
        Figures f = w == null ? null : w.acceptedToPushed();
        return f == null ? "–" : f.p50() + " / " + f.p95() + " / " + f.p99() + " / " + f.max() + " (" + n(f.requests()) + ")";
    }

    private static String wsSend(Window w) {
        Figures f = w == null ? null : w.wsSend();
        return f == null ? "–" : f.p50() + " / " + f.p95() + (f.errors() > 0 ? " (" + f.errors() + " failed)" : "");
    }

    private static String e2e(E2e e) {
        return e == null ? "–" : e.p50() + " / " + e.p95() + " / " + e.p99() + " / " + e.max()
                + (e.rejected() > 0 ? " (" + e.rejected() + " rejected!)" : "");
    }

    static void setup(Md md, Summary s) {
        SetupSection.render(md, s);
    }
}
