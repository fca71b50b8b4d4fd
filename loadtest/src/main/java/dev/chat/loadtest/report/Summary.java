package dev.chat.loadtest.report;

import java.util.List;
import java.util.Map;

import dev.chat.loadtest.report.StoreRun.Delivery;
import dev.chat.loadtest.report.StoreRun.E2e;
import dev.chat.loadtest.run.Figures;

/**
 * The figures of a load test, machine-readable ({@code summary.json}) and the source of REPORT.md.
 *
 * @param ceiling   {@code data/ceiling.json} as it is: the stores alone (see {@link Ceiling}); legacy reports have Redis'
 *                  calls per second of {@code show_messages(50)}, {@code (100)} and {@code write_message} only
 * @param stores    {@code postgres} (the SQL baseline) and {@code redis} (Redis Functions)
 * @param ratios    Redis ÷ SQL of each figure, {@code overall} and per stage ({@code stage1}...)
 */
record Summary(String profile, String date, String command, Map<String, String> machine, Map<String, String> run,
               Map<String, Object> ceiling, Map<String, StoreSummary> stores, Map<String, Map<String, Double>> ratios,
               List<Verdict> acceptance, List<Verdict> targets) {

    /**
     * One store over one window (a stage, or {@code overall}: all measured stages).
     *
     * @param cpu             average CPU per process in % of one core, {@code machine} in % of all cores
     * @param cpuMsPerOperation CPU time per operation, ms, by process and operation (e.g. {@code reader, CPU ms per read}),
     *                        and the machine's context switches per request
     * @param maxConsumerLag  largest writer backlog (commands) seen, -1 unknown
     * @param gcSeconds       GC pause time per service during the window
     * @param acceptedToStored gateway acceptance → stored by the writer (from its events), ms
     * @param acceptedToPushed gateway acceptance → a {@code message} frame at a connected recipient, ms (null: no
     *                         WebSocket scenario)
     * @param wsSend           WebSocket send frame → {@code accepted} frame, ms (null: no WebSocket scenario)
     */
    record Window(String name, int users, long requests, long errors, double errorPercent, double rps,
                  double readsPerSecond, double writesPerSecond, Figures read, Figures send, Map<String, Double> cpu,
                  Map<String, Double> cpuMsPerOperation, long maxConsumerLag, Map<String, Double> gcSeconds, E2e acceptedToStored, Figures acceptedToPushed,
                  Figures wsSend, Figures dialogs) {
    }

    /**
     * @param errorsFromUsers       users of the first stage with a failed request (null: none)
     * @param latencyClimbsFromUsers users of the first stage whose p95 (read or send) is above both 50 ms and
     *                               twice the previous stage's (null: never)
     * @param counters              e.g. {@code ws.sent}, {@code ws.pushed} (see {@code RunResults#counters})
     * @param delivery              every accepted message looked up in the store after the run (null: not checked, as
     *                              in reports before the delivery check)
     */
    record StoreSummary(String store, Map<String, Object> dataSet, Window overall, List<Window> stages,
                        Integer errorsFromUsers, Integer latencyClimbsFromUsers, Map<String, Long> counters,
                        Delivery delivery) {
    }

    /**
     * A question answered from the figures.
     *
     * @param status {@code met}, {@code missed} or {@code not measured} (the run lacks the figure: {@code met} is false)
     */
    record Verdict(String question, String answer, boolean met, String status, String evidence) {

        static Verdict judged(String question, String answer, boolean met, String evidence) {
            return new Verdict(question, answer, met, met ? "met" : "missed", evidence);
        }

        static Verdict notMeasured(String question, String why) {
            return new Verdict(question, "not measured", false, "not measured", why);
        }

        boolean measured() {
            return !"not measured".equals(status);
        }
    }
}
