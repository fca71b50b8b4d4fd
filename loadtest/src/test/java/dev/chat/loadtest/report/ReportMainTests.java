package dev.chat.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.chat.loadtest.profile.Profile;
import dev.chat.loadtest.run.RunRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A report folder's data/ as ./chat loadtest leaves it (short profile, both stores), rendered by ReportMain. */
class ReportMainTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long START = 1_800_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void rendersTheStoresAloneAndTheDeliveryCheckFromANewRunsData() throws IOException {
        write("ceiling-new.json", Map.of("missing", 0L, "duplicated", 0L));
        assertThat(ReportMain.run(dir)).isZero();
        String report = Files.readString(dir.resolve("REPORT.md"));
        assertThat(report.indexOf("## At the store")).isGreaterThan(report.indexOf("## The customer's table"))
                .isLessThan(report.indexOf("## Acceptance criteria"));
        assertThat(report).contains("| newest 100 messages of a dialog (what the reader reads) | 8,200 | 4,000 | ×2.05 | 0.110 | 0.500 | ×0.22 |")
                .contains("| Redis Functions | 1,000 dialogs × 50 messages | 12,812,000 | 13,582,000 | 271.6 | 1.060 |")
                .contains("**At the store: yes; full stack:")
                .contains("## Delivery: every accepted message looked up in the store")
                .contains("| **overall** (warm-up included) | 60 / 60 / 0 / 0 | 60 / 60 / 0 / 0 |")
                .contains("| Redis Functions | stage 1: 1 user | stage 2: 10 users | stage 3: 50 users | stage 4: 100 users |")
                .contains("CHAT_MESSAGES_SEND_RATE")
                .doesNotContain("Raw Redis Functions ceiling");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"delivery\"").contains("\"status\" : \"met\"");
    }

    @Test
    void failsTheRunWhenTheDeliveryCheckFoundAMessageMissing() throws IOException {
        write("ceiling-new.json", Map.of("missing", 1L, "duplicated", 0L));
        assertThat(ReportMain.run(dir)).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("REPORT.md"))).contains("**1 missing, 0 duplicated**");
    }

    @Test
    void failsTheRunWhenTheDeliveryCheckFoundAMessageStoredTwice() throws IOException {
        write("ceiling-new.json", Map.of("missing", 0L, "duplicated", 1L));
        assertThat(ReportMain.run(dir)).isEqualTo(1);
    }

    @Test
    void rendersAnOldReportWithItsLegacyCeilingAndNoDeliveryCheck() throws IOException {
        write("ceiling-legacy.json", null);
        assertThat(ReportMain.run(dir)).isZero();
        String report = Files.readString(dir.resolve("REPORT.md"));
        assertThat(report).contains("predates the per-store benchmark").contains("| `write_message` (over 1,000 dialogs) | 22,442 |")
                .contains("Not checked in this run").contains("**At the store: not measured; full stack:");
    }

    @Test
    void saysWhereARunStoppedEarly() throws IOException {
        write("ceiling-new.json", null);
        Files.writeString(dir.resolve("data/run.properties"), "profile=short\nstopped=redis: the seed failed\n");
        Files.delete(dir.resolve("data/redis/results.json"));
        ReportMain.run(dir);
        assertThat(Files.readString(dir.resolve("REPORT.md"))).contains("**The run stopped early: redis: the seed failed.**");
    }

    /** data/ with both stores' results of a short run (a read and a send a second), e2e.json and, unless null, delivery.json. */
    private void write(String ceiling, Map<String, Long> delivery) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("run.properties"), "profile=short\nstarted=2026-12-03T10:00:00Z\ncommit=abc1234\ndirty=0\n");
        Files.writeString(data.resolve("ceiling.json"), JSON.writeValueAsString(StoreFixture.ceiling(ceiling)));
        for (String store : List.of("postgres", "redis")) {
            Path d = Files.createDirectories(data.resolve(store));
            RunRecorder recorder = new RunRecorder(Profile.SHORT, List.of("read", "send"));
            recorder.startIfUnset(START);
            for (int t = 12; t < Profile.SHORT.end(); t++) {
                recorder.record("read", START + t * 1000L, 5, null);
                recorder.record("send", START + t * 1000L + 500, 8, null);
            }
            recorder.results().write(d.resolve("results.json"));
            Map<String, Object> e2e = new LinkedHashMap<>();
            for (String window : List.of("warmup", "stage1", "stage2", "stage3", "stage4", "overall")) {
                e2e.put(window, Map.of("written", 10, "rejected", 0, "mean", 20.0, "p50", 15, "p95", 40, "p99", 60, "max", 80));
            }
            Files.writeString(d.resolve("e2e.json"), JSON.writeValueAsString(e2e));
            Files.write(d.resolve("samples.jsonl"), samples());
            if (delivery != null) {
                Files.writeString(d.resolve("delivery.json"), JSON.writeValueAsString(delivery(store, delivery)));
            }
        }
    }

    /** The sampler's lines, a second apart: each process a steady share of a core (ticks: 100 a CPU-second). */
    private static List<String> samples() {
        List<String> lines = new java.util.ArrayList<>();
        for (int t = 0; t <= Profile.SHORT.end() + 1; t++) {
            Map<String, Long> cpu = new LinkedHashMap<>();
            cpu.put("reader", 20L * t);
            cpu.put("gateway", 15L * t);
            cpu.put("writer", 5L * t);
            cpu.put("kafka", 5L * t);
            cpu.put("redis", 3L * t);
            cpu.put("gatling", 2L * t);
            cpu.put("machine.busy", 50L * t);
            cpu.put("machine.all", 200L * t);
            lines.add(JSON.writeValueAsString(Map.of("t", START + t * 1000L, "cpu", cpu, "lag", 0)));
        }
        return lines;
    }

    private static Map<String, Object> delivery(String store, Map<String, Long> problems) {
        long missing = problems.get("missing");
        long duplicated = problems.get("duplicated");
        Map<String, Object> windows = new LinkedHashMap<>();
        windows.put("warmup", counts(0, 0, 0));
        for (int stage = 1; stage <= 4; stage++) {
            windows.put("stage" + stage, counts(15, stage == 4 ? missing : 0, stage == 4 ? duplicated : 0));
        }
        windows.put("overall", counts(60, missing, duplicated));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("store", store);
        d.put("failed", missing + duplicated > 0);
        d.put("windows", windows);
        d.put("missingExamples", missing > 0 ? List.of("0190b5a0-0000-7000-8000-000000000001 in d at 1") : List.of());
        d.put("duplicatedExamples", List.of());
        d.put("pendingAfterWait", 0);
        d.put("method", "test");
        d.put("lookupSeconds", 0.1);
        return d;
    }

    private static Map<String, Long> counts(long accepted, long missing, long duplicated) {
        return Map.of("accepted", accepted, "stored", accepted - missing, "missing", missing, "duplicated", duplicated);
    }
}
