package dev.chat.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the gateway on its random port: what a customer's client would see. */
public final class TestHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public TestHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, Object body) {
        return send("POST", path, token, json(body), "application/json");
    }

    public Reply put(String path, String token) {
        return send("PUT", path, token, null, null);
    }

    public Reply send(String method, String path, String token, String body, String contentType) {
        return exchange(method, path, token, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body), contentType);
    }

    /** The body without a Content-Length (chunked), as a streaming client would send it. */
    public Reply postChunked(String path, String token, byte[] body) {
        return exchange("POST", path, token, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), "application/json");
    }

    private Reply exchange(String method, String path, String token, BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            var response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    /** Registers a user with OTUS fields and returns its id. */
    public UUID register(String firstName, String secondName, String password) {
        Reply reply = post("/user/register", null, Map.of("first_name", firstName, "second_name", secondName,
                "birthdate", "1990-05-17", "biography", "tests", "city", "Tver", "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("register failed: " + reply);
        }
        return UUID.fromString(reply.json().get("user_id").asString());
    }

    public String login(UUID id, String password) {
        Reply reply = post("/login", null, Map.of("id", id.toString(), "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("login failed: " + reply);
        }
        return reply.json().get("token").asString();
    }

    /** A fresh user, logged in. */
    public User newUser(String firstName) {
        UUID id = register(firstName, "Tester", "correct horse battery");
        return new User(id, login(id, "correct horse battery"));
    }

    public record User(UUID id, String token) {
    }

    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The slug of a problem answer, checking it is one. */
        public String problemType() {
            if (!headers.firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                throw new AssertionError("not a problem: " + this);
            }
            return json().get("type").asString().replace("https://chat.dev/problems/", "");
        }

        public String detail() {
            return json().get("detail").asString();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
