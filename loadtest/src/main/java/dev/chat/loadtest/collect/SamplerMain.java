package dev.chat.loadtest.collect;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs beside a load test until killed, one JSON line a second into {@code --out}: CPU ticks per process
 * ({@code --pid part=pid}, repeated), the writer's consumer lag, and every {@code --metrics-every} seconds
 * the services' meters ({@code --service name=url}, repeated; {@code --token} for their security).
 * <pre>{"t": epoch ms, "cpu": {"gateway": ticks, ..., "machine.busy": ticks, "machine.all": ticks}, "lag": n,
 *  "metrics": {"writer:jvm.gc.pause:TOTAL_TIME": 0.12, ...}}</pre>
 * Ticks are {@code CLK_TCK} (100) per CPU-second.
 */
public final class SamplerMain {

    private SamplerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        Map<String, String> services = new LinkedHashMap<>();
        Path out = null;
        String token = "";
        String bootstrap = null;
        int metricsEvery = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--pid" -> pids.put(value.substring(0, value.indexOf('=')), Long.parseLong(value.substring(value.indexOf('=') + 1)));
                case "--service" -> services.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "--out" -> out = Path.of(value);
                case "--token" -> token = value;
                case "--kafka" -> bootstrap = value;
                case "--metrics-every" -> metricsEvery = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("sampler: unknown option " + args[i]);
            }
        }
        run(new ProcCpu(pids), new ServiceMetrics(services, token), bootstrap, out, metricsEvery);
    }

    private static void run(ProcCpu cpu, ServiceMetrics metrics, String bootstrap, Path out, int metricsEvery) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out);
             ConsumerLag lag = bootstrap == null ? null : new ConsumerLag(bootstrap, "writer", "chat.message-commands")) {
            for (long n = 0; ; n++) {
                long next = System.currentTimeMillis() + 1000;
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("t", System.currentTimeMillis());
                line.put("cpu", cpu.sample());
                if (lag != null) {
                    line.put("lag", lag.lag());
                }
                if (n % metricsEvery == 0) {
                    line.put("metrics", metrics.sample());
                }
                w.write(json.writeValueAsString(line));
                w.newLine();
                w.flush();
                Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
            }
        }
    }
}
