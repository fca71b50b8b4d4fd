package dev.chat.loadtest.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.chat.loadtest.report.Summary.StoreSummary;
import dev.chat.loadtest.run.Figures;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code REPORT.md}, {@code summary.json}, {@code rps.png} and {@code p95.png} into a report folder
 * from what {@code ./chat loadtest} left in its {@code data/} (see {@link StoreRun}). Exits 1 when any request
 * failed, any accepted message was rejected, or the delivery check found one missing or duplicated, so that CI fails
 * on the short profile.
 * <p>Usage: {@code ReportMain loadtest/reports/<date>-<profile>}
 */
public final class ReportMain {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportMain() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(Path.of(args[0])));
    }

    /** Writes the report into {@code dir}; returns the exit status (1: failures, or no results at all). */
    static int run(Path dir) throws IOException {
        Path data = dir.resolve("data");
        Map<String, String> run = properties(data.resolve("run.properties"));
        run.putAll(tuningFiles(data.resolve("tuning")));
        Map<String, Object> ceiling = Files.exists(data.resolve("ceiling.json"))
                ? JSON.readValue(data.resolve("ceiling.json").toFile(), new TypeReference<Map<String, Object>>() { }) : Map.of();
        Map<String, StoreRun> runs = new LinkedHashMap<>();
        for (String store : List.of("postgres", "redis")) {
            if (Files.exists(data.resolve(store).resolve("results.json"))) {
                runs.put(store, StoreRun.load(data.resolve(store)));
            }
        }
        if (runs.isEmpty()) {
            System.err.println("report: no results in " + data);
            return 1;
        }
        Summary summary = summarize(dir, run, ceiling, runs);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), summary);
        Charts.rps(runs.get("postgres"), runs.get("redis"), dir.resolve("rps.png"));
        Charts.p95(runs.get("postgres"), runs.get("redis"), dir.resolve("p95.png"));
        Path notes = dir.resolve("NOTES.md");
        Files.writeString(dir.resolve("REPORT.md"), Markdown.render(summary, Files.exists(notes) ? Files.readString(notes) : null));
        long failed = failures(runs);
        System.err.println("report: " + dir.resolve("REPORT.md") + (failed == 0 ? ""
                : "; " + failed + " failed requests, rejected messages or messages missing or duplicated in the store"));
        return failed == 0 ? 0 : 1;
    }

    private static Summary summarize(Path dir, Map<String, String> run, Map<String, Object> ceiling, Map<String, StoreRun> runs) {
        Map<String, StoreSummary> stores = new LinkedHashMap<>();
        runs.forEach((name, r) -> stores.put(name, SummaryBuilder.store(r)));
        StoreSummary sql = stores.get("postgres");
        StoreSummary redis = stores.get("redis");
        boolean both = sql != null && redis != null;
        Ceiling c = new Ceiling(ceiling);
        String name = dir.getFileName().toString();
        // the folder's name starts with the run's date; a copy elsewhere (e.g. /tmp/r) has it in run.properties
        String date = name.matches("\\d{4}-\\d{2}-\\d{2}.*") ? name.substring(0, 10)
                : run.getOrDefault("started", name).substring(0, Math.min(10, run.getOrDefault("started", name).length()));
        return new Summary(run.getOrDefault("profile", "?"), date,
                run.getOrDefault("command", "./chat loadtest"), Machine.describe(), run, ceiling, stores,
                both ? SummaryBuilder.ratios(sql, redis) : null,
                both ? Verdicts.acceptance(sql, redis, c) : List.of(), both ? Verdicts.targets(sql, redis, c) : List.of());
    }

    /**
     * Failed requests of every kind, warm-up included, messages the writer rejected after the gateway accepted them
     * (e2e.json's windows: warm-up and stages; its {@code overall} repeats the stages), and accepted messages the
     * delivery check found missing or duplicated.
     */
    static long failures(Map<String, StoreRun> runs) {
        long failed = 0;
        for (StoreRun r : runs.values()) {
            failed += r.results.overall().values().stream().mapToLong(Figures::errors).sum();
            failed += r.results.warmup().values().stream().mapToLong(Figures::errors).sum();
            failed += r.e2e.entrySet().stream().filter(e -> !e.getKey().equals("overall")).mapToLong(e -> e.getValue().rejected()).sum();
            failed += r.delivery == null ? 0 : r.delivery.problems();
        }
        return failed;
    }

    /** {@code tuningFile.<name>} → the settings of each loadtest/tuning file the run used, comments left out. */
    private static Map<String, String> tuningFiles(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (var list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                String settings = Files.readAllLines(file).stream()
                        .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
                        .collect(java.util.stream.Collectors.joining("\n"));
                if (!settings.isEmpty()) {
                    files.put("tuningFile." + file.getFileName(), settings);
                }
            }
        }
        return files;
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                p.load(reader);
            }
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
