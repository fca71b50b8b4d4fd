package dev.chat.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.chat.loadtest.run.Figures;
import dev.chat.loadtest.run.RunRecorder;
import dev.chat.loadtest.run.RunResults;
import dev.chat.loadtest.run.StageWindow;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything measured on one store: the simulation's {@code results.json}, the accepted → stored latencies
 * ({@code e2e.json}), the delivery check ({@code delivery.json}), the samplers' {@code samples.jsonl} and the seed's
 * {@code seed.json}; plus what follows
 * from them per stage (throughput, CPU per process, consumer lag, meter deltas).
 */
final class StoreRun {

    static final String READ = "read";
    static final String SEND = "send";
    /** The dialog list ({@code GET /api/v1/dialogs}, issue #14): beside the customer's profile, not in its figures. */
    static final String DIALOGS = "dialogs";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String store;
    final RunResults results;
    final Map<String, E2e> e2e;
    final List<Sample> samples;
    final Map<String, Object> seed;
    /** null: the run had no delivery check (reports before it, or a store that stopped before it). */
    final Delivery delivery;

    private StoreRun(String store, RunResults results, Map<String, E2e> e2e, List<Sample> samples, Map<String, Object> seed,
                     Delivery delivery) {
        this.store = store;
        this.results = results;
        this.e2e = e2e;
        this.samples = samples;
        this.seed = seed;
        this.delivery = delivery;
    }

    static StoreRun load(Path dir) throws IOException {
        RunResults results = RunResults.read(dir.resolve("results.json"));
        Path e2eFile = dir.resolve("e2e.json");
        Map<String, E2e> e2e = Files.exists(e2eFile) ? JSON.readValue(e2eFile.toFile(), new TypeReference<Map<String, E2e>>() { })
                : Map.of();
        List<Sample> samples = new ArrayList<>();
        Path samplesFile = dir.resolve("samples.jsonl");
        if (Files.exists(samplesFile)) {
            for (String line : Files.readAllLines(samplesFile)) {
                if (!line.isBlank()) {
                    samples.add(JSON.readValue(line, Sample.class));
                }
            }
        }
        Path seedFile = dir.resolve("seed.json");
        Map<String, Object> seed = Files.exists(seedFile) ? JSON.readValue(seedFile.toFile(), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        Path deliveryFile = dir.resolve("delivery.json");
        Delivery delivery = Files.exists(deliveryFile) ? JSON.readValue(deliveryFile.toFile(), Delivery.class) : null;
        return new StoreRun(dir.getFileName().toString(), results, e2e, samples, seed, delivery);
    }

    List<StageWindow> stages() {
        return results.stages();
    }

    Figures stage(int index, String op) {
        return results.perStage().get(index).get(op);
    }

    Figures overall(String op) {
        return results.overall().get(op);
    }

    /** Requests per second of reads and sends in a stage (-1: the whole measured run). */
    double rps(int stage) {
        Map<String, Figures> figures = stage < 0 ? results.overall() : results.perStage().get(stage);
        return mixed(figures).mapToDouble(Figures::perSecond).sum();
    }

    long requests(int stage) {
        Map<String, Figures> figures = stage < 0 ? results.overall() : results.perStage().get(stage);
        return mixed(figures).mapToLong(Figures::requests).sum();
    }

    long errors(int stage) {
        Map<String, Figures> figures = stage < 0 ? results.overall() : results.perStage().get(stage);
        return mixed(figures).mapToLong(Figures::errors).sum();
    }

    /** The customer's operations only (reads and sends over HTTP), not the WebSocket ones. */
    private static java.util.stream.Stream<Figures> mixed(Map<String, Figures> figures) {
        return figures.entrySet().stream().filter(e -> RunRecorder.MIXED.contains(e.getKey())).map(Map.Entry::getValue);
    }

    /** Average CPU over the stage (-1: the whole measured run): per process in % of one core, {@code machine} in % of all cores. */
    Map<String, Double> cpu(int stage) {
        Sample[] ends = window(stage, s -> s.cpu() != null && !s.cpu().isEmpty());
        Map<String, Double> cpu = new LinkedHashMap<>();
        if (ends == null) {
            return cpu;
        }
        double seconds = (ends[1].t() - ends[0].t()) / 1000.0;
        ends[1].cpu().forEach((part, ticks) -> {
            Long before = ends[0].cpu().get(part);
            if (before != null && !part.startsWith("machine.")) {
                cpu.put(part, (ticks - before) / seconds); // 100 ticks a CPU-second: ticks/s = % of one core
            }
        });
        long busy = ends[1].cpu().get("machine.busy") - ends[0].cpu().get("machine.busy");
        long all = ends[1].cpu().get("machine.all") - ends[0].cpu().get("machine.all");
        cpu.put("machine", all == 0 ? 0 : 100.0 * busy / all);
        Long ctxtBefore = ends[0].cpu().get("machine.ctxt");
        if (ctxtBefore != null && ends[1].cpu().get("machine.ctxt") != null) {
            cpu.put("machine context switches/s", (ends[1].cpu().get("machine.ctxt") - ctxtBefore) / seconds);
        }
        Long stealBefore = ends[0].cpu().get("machine.steal");
        if (stealBefore != null && all > 0) {
            cpu.put("machine steal", 100.0 * (ends[1].cpu().get("machine.steal") - stealBefore) / all);
        }
        return cpu;
    }

    /** The writer's largest backlog (commands not yet written) seen during the stage; -1 unknown. */
    long maxLag(int stage) {
        long[] bounds = bounds(stage);
        return samples.stream().filter(s -> s.t() >= bounds[0] && s.t() <= bounds[1] && s.lag() != null)
                .mapToLong(Sample::lag).max().orElse(-1);
    }

    /** How much a sampled meter value grew during the stage, or null when it was not sampled. */
    Double metricDelta(int stage, String key) {
        Sample[] ends = window(stage, s -> s.metrics() != null && s.metrics().containsKey(key));
        return ends == null ? null : ends[1].metrics().get(key) - ends[0].metrics().get(key);
    }

    /** Epoch ms of a stage's start and end; stage -1: the whole measured run. */
    private long[] bounds(int stage) {
        long start = results.startEpochMs();
        if (stage < 0) {
            return new long[] {start + results.measuredStart() * 1000L, start + results.end() * 1000L};
        }
        StageWindow w = stages().get(stage);
        return new long[] {start + w.start() * 1000L, start + w.end() * 1000L};
    }

    /** The last sample at or before the stage's start and the last one at or before its end. */
    private Sample[] window(int stage, java.util.function.Predicate<Sample> has) {
        long[] bounds = bounds(stage);
        Sample first = null;
        Sample last = null;
        for (Sample s : samples) {
            if (!has.test(s)) {
                continue;
            }
            if (s.t() <= bounds[0] || first == null) {
                first = s;
            }
            if (s.t() <= bounds[1]) {
                last = s;
            }
        }
        return first == null || last == null || last.t() <= first.t() ? null : new Sample[] {first, last};
    }

    /** One line of samples.jsonl. */
    record Sample(long t, Map<String, Long> cpu, Long lag, Map<String, Double> metrics) {
    }

    /** One window of e2e.json: accepted → stored, ms. */
    record E2e(long written, long rejected, double mean, long p50, long p95, long p99, long max, Long pendingAfterWait) {
    }

    /**
     * delivery.json ({@code DeliveryMain}): every message the gateway accepted, looked up in the store by id after the
     * writer caught up. {@code windows}: {@code warmup}, {@code stage1..n}, {@code overall} (the whole run, warm-up
     * included).
     */
    record Delivery(String store, boolean failed, Map<String, DeliveryCounts> windows, List<String> missingExamples,
                    List<String> duplicatedExamples, long pendingAfterWait, String method, double lookupSeconds) {

        DeliveryCounts overall() {
            return windows.getOrDefault("overall", new DeliveryCounts(0, 0, 0, 0));
        }

        /** Messages missing or duplicated, warm-up included: what fails the run. */
        long problems() {
            return overall().missing() + overall().duplicated();
        }
    }

    /** One window of delivery.json: accepted messages, and of those stored (once or more), missing, duplicated. */
    record DeliveryCounts(long accepted, long stored, long missing, long duplicated) {
    }
}
