package dev.chat.loadtest.run;

/**
 * A stage on the run's time line.
 *
 * @param start seconds since the start of the run (the warm-up's start)
 * @param end   exclusive
 */
public record StageWindow(String name, int users, int spawnPerSecond, int seconds, int start, int end) {
}
