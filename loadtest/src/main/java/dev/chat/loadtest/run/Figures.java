package dev.chat.loadtest.run;

import java.util.Map;

/**
 * One operation's figures over a window (a stage, the warm-up or the whole measured run).
 *
 * @param requests     requests started in the window, successful or not
 * @param errors       failed requests (a status other than 200, or no response)
 * @param errorKinds   failures by kind: {@code status 503}, {@code no response}, ...
 * @param perSecond    requests per second over the window
 * @param mean         latency of the successful requests, ms: mean and percentiles (Gatling measures whole ms)
 */
public record Figures(long requests, long errors, double errorPercent, Map<String, Long> errorKinds, double perSecond,
                      double mean, long p50, long p95, long p99, long max) {
}
