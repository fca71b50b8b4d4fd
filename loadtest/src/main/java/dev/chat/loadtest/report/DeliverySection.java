package dev.chat.loadtest.report;

import static dev.chat.loadtest.report.Md.n;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.chat.loadtest.report.StoreRun.Delivery;
import dev.chat.loadtest.report.StoreRun.DeliveryCounts;
import dev.chat.loadtest.report.Summary.StoreSummary;

/** "Delivery": every message the gateway accepted, looked up in the store after the run ({@code delivery.json}). */
final class DeliverySection {

    private DeliverySection() {
    }

    static void render(Md md, Summary s) {
        md.heading(2, "Delivery: every accepted message looked up in the store");
        List<StoreSummary> checked = new ArrayList<>();
        for (StoreSummary store : s.stores().values()) {
            if (store.delivery() != null) {
                checked.add(store);
            }
        }
        if (checked.isEmpty()) {
            md.line("Not checked in this run (no `delivery.json`: the check came after this report's run).");
            return;
        }
        md.line("Each send the gateway accepted (HTTP 200 with the message's id, or a WebSocket `accepted` frame), warm-up"
                + " included, was recorded by id during the run and looked up in the store by id once the writer had caught up."
                + " Missing: accepted, not stored; duplicated: stored more than once. Either fails the run.").blank();
        List<String> header = new ArrayList<>(List.of("window"));
        checked.forEach(st -> header.add(MarkdownDetails.label(st.store()) + ": accepted / stored / missing / duplicated"));
        md.header(header.toArray(String[]::new));
        Map<String, DeliveryCounts> any = checked.get(0).delivery().windows();
        for (String window : any.keySet()) {
            List<Object> row = new ArrayList<>(List.of(name(window, checked.get(0))));
            for (StoreSummary st : checked) {
                row.add(counts(st.delivery().windows().get(window)));
            }
            md.row(row.toArray());
        }
        md.blank();
        for (StoreSummary st : checked) {
            notes(md, st);
        }
    }

    private static void notes(Md md, StoreSummary st) {
        Delivery d = st.delivery();
        String label = MarkdownDetails.label(st.store());
        md.line("- **" + label + "**: " + (d.problems() == 0 ? "every accepted message stored exactly once" : "**"
                + n(d.overall().missing()) + " missing, " + n(d.overall().duplicated()) + " duplicated**") + "; looked up in "
                + d.lookupSeconds() + " s (" + d.method() + ")."
                + (d.pendingAfterWait() > 0 ? " The writer was still " + n(d.pendingAfterWait()) + " commands behind when the check"
                + " stopped waiting." : ""));
        if (!d.missingExamples().isEmpty()) {
            md.line("  Missing, e.g.: `" + String.join("`, `", d.missingExamples().subList(0, Math.min(5, d.missingExamples().size()))) + "`");
        }
        if (!d.duplicatedExamples().isEmpty()) {
            md.line("  Duplicated, e.g.: `" + String.join("`, `", d.duplicatedExamples().subList(0, Math.min(5, d.duplicatedExamples().size())))
                    + "`");
        }
    }

    private static String name(String window, StoreSummary any) {
        if (window.equals("warmup")) {
            return "warm-up";
        }
        if (window.equals("overall")) {
            return "**overall** (warm-up included)";
        }
        int stage = Integer.parseInt(window.substring("stage".length())) - 1;
        return stage < any.stages().size() ? any.stages().get(stage).name() : window;
    }

    private static String counts(DeliveryCounts c) {
        if (c == null) {
            return "–";
        }
        String text = n(c.accepted()) + " / " + n(c.stored()) + " / " + n(c.missing()) + " / " + n(c.duplicated());
        return c.missing() + c.duplicated() > 0 ? "**" + text + "**" : text;
    }
}
