package dev.chat.loadtest.collect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

/**
 * CPU per operation of one hop, measured alone: drives one operation against a running, seeded system (`./chat up`,
 * `./chat seed`) from {@code --threads} client threads, {@code --warmup} requests first, then {@code --requests}
 * measured ones, and divides each process's user + system CPU over the measured requests by their number. For
 * {@code send} the window closes only once the writer has caught up (consumer lag 0), so the writer's and Kafka's
 * work for every measured message is inside it. Unlike requests per second, CPU per operation hardly depends on
 * what else the machine does, so two builds can be compared one after the other (docs/performance.md).
 * <p>Operations: {@code read} (reader {@code GET /dialog/{friend}/list}, the load test's read), {@code history}
 * (reader {@code GET /api/v1/dialogs/{friend}/messages?limit=50}), {@code send} (gateway
 * {@code POST /dialog/{friend}/send}), {@code send-id} (gateway {@code POST /api/v1/dialogs/{friend}/messages} with a
 * new {@code client_id} each: what a WebSocket or HTTP client's retry-safe send costs).
 * <p>Usage: {@code --op read --users users.csv --gateway URL --reader URL [--threads 16] [--warmup 20000]
 * [--requests 30000] [--kafka host:port] [--label text] [--out hops.jsonl] --pid reader=123 --pid redis=456 ...}
 */
public final class HopBenchMain {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HopBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("threads", "16", "warmup", "20000", "requests", "30000",
                "gateway", "http://127.0.0.1:8080", "reader", "http://127.0.0.1:8081", "label", ""));
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("pid")) {
                pids.put(args[i + 1].substring(0, args[i + 1].indexOf('=')),
                        Long.parseLong(args[i + 1].substring(args[i + 1].indexOf('=') + 1)));
            } else {
                o.put(key, args[i + 1]);
            }
        }
        pids.put("client", ProcessHandle.current().pid());
        List<String[]> users = users(Path.of(o.get("users")));
        Driver driver = new Driver(o.get("op"), o.get("gateway"), o.get("reader"), users);
        int threads = Integer.parseInt(o.get("threads"));
        driver.run(threads, Long.parseLong(o.get("warmup")));
        ProcCpu cpu = new ProcCpu(pids);
        Map<String, Long> before = cpu.sample();
        long start = System.nanoTime();
        long requests = Long.parseLong(o.get("requests"));
        long failed = driver.run(threads, requests);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (o.containsKey("kafka")) {
            waitForWriter(o.get("kafka"));
        }
        Map<String, Long> after = cpu.sample();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("label", o.get("label"));
        line.put("op", o.get("op"));
        line.put("threads", threads);
        line.put("requests", requests);
        line.put("failed", failed);
        line.put("perSecond", Math.round(requests / seconds));
        line.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
        Map<String, Double> perOp = new LinkedHashMap<>();
        for (String part : pids.keySet()) {
            perOp.put(part, round(10.0 * (after.get(part) - before.get(part)) / requests)); // 100 ticks/s → ms
        }
        line.put("cpuMsPerOp", perOp);
        String text = JSON.writeValueAsString(line);
        System.out.println(text);
        if (o.containsKey("out")) {
            Files.writeString(Path.of(o.get("out")), text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void waitForWriter(String bootstrap) throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(bootstrap, "writer", "chat.message-commands")) {
            while (lag.lag() != 0) {
                Thread.sleep(200);
            }
        }
    }

    private static List<String[]> users(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.add(new String[] {f[2], f[3]});
        }
        return rows;
    }

    /** Client threads sharing one HTTP client; each request as a random seeded user to a random friend. */
    private record Driver(String op, String gateway, String reader, List<String[]> users, HttpClient http) {

        Driver(String op, String gateway, String reader, List<String[]> users) {
            this(op, gateway, reader, users, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build());
        }

        /** Sends {@code count} requests from {@code threads} threads; returns how many failed. */
        long run(int threads, long count) throws InterruptedException {
            AtomicLong left = new AtomicLong(count);
            AtomicLong failed = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    while (left.getAndDecrement() > 0) {
                        if (!once()) {
                            failed.incrementAndGet();
                        }
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            return failed.get();
        }

        private boolean once() {
            String[] user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
            String[] friends = user[1].split(" ");
            String friend = friends[ThreadLocalRandom.current().nextInt(friends.length)];
            HttpRequest.Builder request = switch (op) {
                case "read" -> HttpRequest.newBuilder(URI.create(reader + "/dialog/" + friend + "/list")).GET();
                case "history" -> HttpRequest.newBuilder(URI.create(reader + "/api/v1/dialogs/" + friend + "/messages?limit=50")).GET();
                case "send" -> HttpRequest.newBuilder(URI.create(gateway + "/dialog/" + friend + "/send"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT,
                                "{\"text\":\"hop bench %d: the quick brown fox jumps over the lazy dog\"}", System.nanoTime())));
                case "send-id" -> HttpRequest.newBuilder(URI.create(gateway + "/api/v1/dialogs/" + friend + "/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT,
                                "{\"text\":\"hop bench %d: the quick brown fox\",\"client_id\":\"%s\"}",
                                System.nanoTime(), UUID.randomUUID())));
                default -> throw new IllegalArgumentException("hop bench: --op must be read, history, send or send-id, not "
                        + op);
            };
            try {
                HttpResponse<Void> response = http.send(request.header("Authorization", "Bearer " + user[0])
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == (op.equals("send-id") ? 202 : 200);
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
