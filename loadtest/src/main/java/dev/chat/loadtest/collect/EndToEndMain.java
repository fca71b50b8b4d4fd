package dev.chat.loadtest.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import dev.chat.loadtest.run.RunResults;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a run: waits until the writer has caught up (consumer lag 0), then reads every event the writer
 * published ({@code chat.message-events}) and files {@code storedAt - ts} (gateway acceptance to stored, the
 * definition of the writer's {@code chat.writer.accepted.to.stored} timer, but exact percentiles) by the
 * stage the message was accepted in. Writes {@code e2e.json}: per stage and overall, written and rejected
 * counts and the latency figures.
 * <p>Usage: {@code --kafka host:port --results results.json --out e2e.json [--wait-seconds 300]}
 */
public final class EndToEndMain {

    private static final String TOPIC = "chat.message-events";
    /** {@code MessageEvent.Type.READ}: a read receipt on the same topic. */
    static final String READ = "READ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EndToEndMain() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        RunResults run = RunResults.read(Path.of(o.get("results")));
        long behind = WriterCatchUp.await(o.get("kafka"), Duration.ofSeconds(Long.parseLong(o.getOrDefault("wait-seconds", "300"))), "e2e");
        Map<String, Window> windows = read(o.get("kafka"), run);
        Map<String, Object> out = new LinkedHashMap<>();
        windows.forEach((name, w) -> out.put(name, w.figures()));
        // commands the writer had not written when this gave up waiting: their latency is not in the figures
        ((Map<String, Object>) out.get("overall")).put("pendingAfterWait", behind);
        Path file = Path.of(o.get("out"));
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        System.err.println("e2e: " + windows.get("overall").written + " messages written, "
                + windows.get("overall").rejected + " rejected; " + file);
    }

    /** Windows: {@code warmup}, {@code stage1..n}, {@code overall} (the measured stages). */
    private static Map<String, Window> read(String bootstrap, RunResults run) {
        RunClock clock = new RunClock(run);
        Map<String, Window> windows = new LinkedHashMap<>();
        clock.windows().forEach(name -> windows.put(name, new Window()));
        windows.put("overall", new Window());
        eachEvent(bootstrap, event -> file(event, clock, windows));
        return windows;
    }

    private static void file(JsonNode event, RunClock clock, Map<String, Window> windows) {
        long ts = event.path("ts").asLong();
        String window = clock.windowOf(ts);
        if (window == null) {
            return; // before this run (a smoke test by hand)
        }
        boolean written = "WRITTEN".equals(event.path("type").asString());
        long latency = event.path("storedAt").asLong() - ts;
        windows.get(window).add(written, latency);
        if (!window.equals("warmup")) {
            windows.get("overall").add(written, latency);
        }
    }

    /**
     * Every outcome of a send ({@code WRITTEN}, {@code REJECTED}) on {@value #TOPIC} up to the end offsets found when it
     * starts, in each partition's order. Read receipts ({@code READ}) share the topic and are skipped: they are no send.
     */
    static void eachEvent(String bootstrap, Consumer<JsonNode> action) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TOPIC).forEach(p -> partitions.add(new TopicPartition(TOPIC, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode event = JSON.readTree(r.value());
                    if (isSendOutcome(event)) {
                        action.accept(event);
                    }
                }
            }
        }
    }

    /** False for a read receipt ({@code READ}): the writer publishes those on the events topic too. */
    static boolean isSendOutcome(JsonNode event) {
        return !READ.equals(event.path("type").asString());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "loadtest-e2e-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /** Accepted → stored in one window. */
    private static final class Window {
        final Histogram latency = new Histogram(1, 600_000, 3);
        long written;
        long rejected;

        void add(boolean wasWritten, long latencyMs) {
            if (!wasWritten) {
                rejected++;
                return;
            }
            written++;
            latency.recordValue(Math.max(1, Math.min(latencyMs, 600_000)));
        }

        Map<String, Object> figures() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("written", written);
            f.put("rejected", rejected);
            boolean any = written > 0;
            f.put("mean", any ? latency.getMean() : 0);
            f.put("p50", any ? latency.getValueAtPercentile(50) : 0);
            f.put("p95", any ? latency.getValueAtPercentile(95) : 0);
            f.put("p99", any ? latency.getValueAtPercentile(99) : 0);
            f.put("max", any ? latency.getMaxValue() : 0);
            return f;
        }
    }
}
