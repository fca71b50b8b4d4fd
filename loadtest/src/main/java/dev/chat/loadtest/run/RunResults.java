package dev.chat.loadtest.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What one simulation run measured ({@code results.json}, written by the simulation, read by the report).
 * Operations are keyed by name: {@code read}, {@code send} (and {@code push} with the WebSocket scenario).
 *
 * @param startEpochMs  wall-clock start of the run (the warm-up's start), to line up samplers and Kafka events
 * @param measuredStart seconds from the start to the first measured stage
 * @param warmup        the warm-up, reported apart and left out of every other figure
 * @param overall       all measured stages together
 * @param perStage      one map per measured stage, in order
 * @param series        per second of the measured stages
 * @param counters      other counts, e.g. {@code ws.sent} and {@code ws.pushed}: WebSocket messages sent and pushed
 *                      to their recipient before the listeners hung up
 */
public record RunResults(String profile, long startEpochMs, int measuredStart, int end, List<StageWindow> stages,
                         Map<String, Figures> warmup, Map<String, Figures> overall, List<Map<String, Figures>> perStage,
                         Map<String, List<SecondPoint>> series, Map<String, Long> counters) {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public static RunResults read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunResults.class);
    }

    public void write(Path file) throws IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    }
}
