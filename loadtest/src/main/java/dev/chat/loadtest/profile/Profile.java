package dev.chat.loadtest.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A whole load-test run on the time line the simulation, the samplers and the report share: a warm-up
 * (excluded from every figure), a short pause so its last requests drain, then the measured stages back to
 * back. All offsets are seconds from the start of the run.
 *
 * @param name        {@code full} (the customer's profile) or {@code short} (same shape, seconds; smoke runs and CI)
 * @param warmup      the warm-up stage, run before the measured ones
 * @param pauseSeconds between the warm-up and the first measured stage, nobody active
 * @param stages      the measured stages, in order
 */
public record Profile(String name, Stage warmup, int pauseSeconds, List<Stage> stages) {

    /** The customer's four stages: users / spawn rate per second / duration in seconds. */
    public static final Profile FULL = new Profile("full", new Stage("warm-up", 50, 25, 60), 5, List.of(
            Stage.of(1, 1, 60), Stage.of(10, 1, 60), Stage.of(100, 10, 90), Stage.of(1000, 50, 90)));

    /** The same shape in seconds: for smoke runs and CI (any failed request fails it). */
    public static final Profile SHORT = new Profile("short", new Stage("warm-up", 50, 25, 10), 2, List.of(
            Stage.of(1, 1, 5), Stage.of(10, 5, 5), Stage.of(50, 20, 10), Stage.of(100, 50, 10)));

    public Profile {
        stages = List.copyOf(stages);
    }

    /**
     * {@code full}, {@code short}, or for experiments {@code custom:<warm-up users>x<seconds>;<users>/<spawn>/<seconds>;...},
     * e.g. {@code custom:50x10;1000/50/40}.
     */
    public static Profile named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("custom:")) {
            return custom(name, n.substring("custom:".length()).split(";"));
        }
        return switch (n) {
            case "full" -> FULL;
            case "short" -> SHORT;
            default -> throw new IllegalArgumentException("loadtest: unknown profile '" + name + "' (full, short or custom:...)");
        };
    }

    private static Profile custom(String name, String[] parts) {
        try {
            String[] warmup = parts[0].split("x");
            List<Stage> stages = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String[] st = parts[i].split("/");
                stages.add(Stage.of(Integer.parseInt(st[0]), Integer.parseInt(st[1]), Integer.parseInt(st[2])));
            }
            int users = Integer.parseInt(warmup[0]);
            return new Profile(name, new Stage("warm-up", users, Math.max(1, users / 2), Integer.parseInt(warmup[1])), 2, stages);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("loadtest: profile '" + name + "' is not custom:<users>x<s>;<users>/<spawn>/<s>;...", e);
        }
    }

    /** Offset of the first measured stage: warm-up and pause before it. */
    public int measuredStart() {
        return warmup.seconds() + pauseSeconds;
    }

    /** Offset where stage {@code index} (0-based) starts. */
    public int stageStart(int index) {
        int start = measuredStart();
        for (int i = 0; i < index; i++) {
            start += stages.get(i).seconds();
        }
        return start;
    }

    /** Offset where the last measured stage ends: the end of the run. */
    public int end() {
        return stageStart(stages.size());
    }

    /** Seconds of measured load. */
    public int measuredSeconds() {
        return end() - measuredStart();
    }

    /** The measured stage a moment belongs to (-1: warm-up or pause); moments past the end count to the last stage. */
    public int stageAt(double secondsFromStart) {
        if (secondsFromStart < measuredStart()) {
            return -1;
        }
        for (int i = 0; i < stages.size(); i++) {
            if (secondsFromStart < stageStart(i + 1)) {
                return i;
            }
        }
        return stages.size() - 1;
    }

    /** Users before each measured stage's ramp: 0 before the first, else the previous stage's users. */
    public List<Integer> usersBefore() {
        List<Integer> before = new ArrayList<>();
        int previous = 0;
        for (Stage stage : stages) {
            before.add(previous);
            previous = stage.users();
        }
        return before;
    }
}
