package dev.chat.loadtest.run;

/**
 * One second of one operation, for the charts.
 *
 * @param t        seconds since the first measured stage began
 * @param requests requests started in that second
 * @param errors   of those, failed
 * @param p95      95th percentile latency of the successful ones, ms (0: none)
 */
public record SecondPoint(int t, long requests, long errors, long p95) {
}
