package dev.chat.loadtest.collect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads meters from the services' {@code /actuator/metrics} (exposed for the run by {@code ./chat loadtest};
 * the seed's token gets past the gateway's and reader's security). A meter a service does not have (yet) is
 * left out, so the same list works before and after features such as the WebSocket push land.
 */
final class ServiceMetrics {

    /** service → meter[?tag] → statistics kept. */
    private static final Map<String, List<String>> METERS = Map.of(
            "writer", List.of("chat.writer.messages?tag=outcome:stored", "chat.writer.messages?tag=outcome:rejected",
                    "chat.writer.accepted.to.stored", "jvm.gc.pause", "hikaricp.connections.pending"),
            "gateway", List.of("chat.gateway.push.latency", "jvm.gc.pause", "hikaricp.connections.pending"),
            "reader", List.of("jvm.gc.pause", "hikaricp.connections.pending"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> baseUrls;
    private final String token;

    ServiceMetrics(Map<String, String> baseUrls, String token) {
        this.baseUrls = baseUrls;
        this.token = token;
    }

    /** {@code service:meter[:tag]:STATISTIC} → value, e.g. {@code writer:jvm.gc.pause:TOTAL_TIME}. */
    Map<String, Double> sample() {
        Map<String, Double> values = new LinkedHashMap<>();
        baseUrls.forEach((service, base) -> {
            for (String meter : METERS.getOrDefault(service, List.of())) {
                JsonNode body = get(base + "/actuator/metrics/" + meter);
                if (body == null) {
                    continue;
                }
                String key = service + ":" + meter.replace("?tag=", ":");
                for (JsonNode m : body.path("measurements")) {
                    values.put(key + ":" + m.path("statistic").asString(), m.path("value").asDouble());
                }
            }
        });
        return values;
    }

    private JsonNode get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
