package dev.chat.loadtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.chat.loadtest.report.StoreRun.Delivery;
import dev.chat.loadtest.report.StoreRun.DeliveryCounts;
import dev.chat.loadtest.report.StoreRun.E2e;
import dev.chat.loadtest.report.Summary.StoreSummary;
import dev.chat.loadtest.report.Summary.Window;
import dev.chat.loadtest.run.Figures;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store's summary for the verdicts' tests: four stages (1, 10, 100, 1000 users) whose figures a test sets, all
 * within every target unless it changes them.
 */
final class StoreFixture {

    final String store;
    int[] users = {1, 10, 100, 1000};
    double[] readsPerSecond = {100, 350, 800, 1200};
    long[] readP95 = {10, 30, 150, 900};
    long[] sendP95 = {20, 40, 200, 800};
    Long[] storedP95 = {20L, 100L, 500L, 900L};
    Long[] pushedP95 = {40L, 90L, 500L, 900L};
    long[] pushedP99 = {60, 100, 80, 1000};
    long[] errors = {0, 0, 0, 0};
    Map<String, Double> topCpuMs = new LinkedHashMap<>(Map.of(Targets.READER_CPU, 0.3, Targets.ALL_CPU, 0.4));
    Delivery delivery = delivery(1000, 0, 0);

    StoreFixture(String store) {
        this.store = store;
    }

    static Delivery delivery(long accepted, long missing, long duplicated) {
        Map<String, DeliveryCounts> windows = new LinkedHashMap<>();
        windows.put("warmup", new DeliveryCounts(100, 100, 0, 0));
        windows.put("stage1", new DeliveryCounts(accepted - 100, accepted - 100 - missing, missing, duplicated));
        windows.put("overall", new DeliveryCounts(accepted, accepted - missing, missing, duplicated));
        return new Delivery("redis", missing + duplicated > 0, windows, List.of(), List.of(), 0, "test", 0.1);
    }

    StoreSummary build() {
        List<Window> stages = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            stages.add(window("stage " + (i + 1) + ": " + users[i] + " users", i));
        }
        Window top = stages.get(stages.size() - 1);
        return new StoreSummary(store, Map.of(), top, stages, null, null, Map.of(), delivery);
    }

    private Window window(String name, int i) {
        Figures read = figures(readsPerSecond[i], readP95[i], readP95[i], 0);
        Figures send = figures(readsPerSecond[i] / 2, sendP95[i], sendP95[i], 0);
        Figures pushed = pushedP95 == null ? null : figures(10, pushedP95[i], pushedP99[i], 0);
        Figures wsSend = pushedP95 == null ? null : figures(1, 10, 20, 0);
        E2e stored = storedP95 == null || storedP95[i] == null ? null
                : new E2e(100, 0, storedP95[i] / 2.0, storedP95[i] / 2, storedP95[i], storedP95[i], storedP95[i], null);
        Map<String, Double> cpuMs = i == users.length - 1 ? topCpuMs : Map.of();
        double rps = readsPerSecond[i] * 1.5;
        return new Window(name, users[i], (long) rps * 60, errors[i], 0, rps, readsPerSecond[i], readsPerSecond[i] / 2, read, send,
                Map.of(), cpuMs, -1, Map.of(), stored, pushed, wsSend, null);
    }

    private static Figures figures(double perSecond, long p95, long p99, long errors) {
        return new Figures((long) (perSecond * 60), errors, 0, Map.of(), perSecond, p95 / 2.0, p95 / 2, p95, p99, p99);
    }

    /** A ceiling.json of src/test/resources/report, as the report reads it. */
    static Map<String, Object> ceiling(String name) {
        try (InputStream in = StoreFixture.class.getResourceAsStream("/report/" + name)) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
