package dev.chat.loadtest.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few HTTP calls the fault runs make, as a client would: register and log in on a gateway, create a dialog,
 * send with a {@code client_id}, read the whole history from a reader. A connection error or a timeout is status
 * {@link #NO_ANSWER}, never an exception: under a fault that is an answer to count.
 */
final class ChatApi {

    static final int NO_ANSWER = -1;
    static final String PASSWORD = "fault-run-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String problemType() {
            return body == null ? "" : body.path("type").asString("");
        }
    }

    record Stored(String id, String author, String text, long ts) {
    }

    /** One page of a dialog, oldest first, with the {@code newer} cursor (null for an empty page). */
    record Page(List<String> ids, String newer) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    UUID register(String gateway, String name) {
        Reply r = settingUp(() -> post(gateway + "/user/register", null, Map.of("first_name", name, "second_name", "Fault",
                "birthdate", "1990-01-01", "biography", "", "city", "Lab", "password", PASSWORD)));
        return UUID.fromString(required(r, "register").body().path("user_id").asString());
    }

    Reply login(String gateway, UUID user) {
        return post(gateway + "/login", null, Map.of("id", user.toString(), "password", PASSWORD));
    }

    String token(String gateway, UUID user) {
        return required(settingUp(() -> login(gateway, user)), "login").body().path("token").asString();
    }

    Reply createDialog(String gateway, String token, UUID friend) {
        return post(gateway + "/api/v1/dialogs", token, Map.of("friend_id", friend.toString(), "name", "fault run"));
    }

    Reply send(String gateway, String token, UUID friend, String text, String clientId) {
        return post(gateway + "/api/v1/dialogs/" + friend + "/messages", token, Map.of("text", text, "client_id", clientId));
    }

    /**
     * The whole dialog, oldest first: the newest page, then older pages until there are none. Null when the reader
     * does not know the dialog (404): a store that lost its data.
     */
    List<Stored> history(String reader, String token, UUID friend) {
        List<List<Stored>> pages = new ArrayList<>();
        String before = null;
        do {
            Reply r = get(reader + "/api/v1/dialogs/" + friend + "/messages?limit=200"
                    + (before == null ? "" : "&before=" + before), token);
            if (r.status() == 404 && before == null) {
                return null;
            }
            if (!r.ok()) {
                throw new IllegalStateException("history from " + reader + " answered " + r.status() + " " + r.body());
            }
            List<Stored> page = new ArrayList<>();
            r.body().path("messages").forEach(m -> page.add(new Stored(m.path("id").asString(),
                    m.path("author_id").asString(), m.path("message").asString(), m.path("ts").asLong())));
            pages.add(page);
            JsonNode older = r.body().path("older");
            before = older.isNull() || older.isMissingNode() || page.isEmpty() ? null : older.asString();
        } while (before != null);
        Collections.reverse(pages);
        return pages.stream().flatMap(List::stream).toList();
    }

    /**
     * The page {@code after} the cursor (the newest page without one), as a client catching up reads it; null when the
     * reader gave no page (not reachable, or an error: the caller tries again).
     */
    Page page(String reader, String token, UUID friend, String after, int limit) {
        Reply r = get(reader + "/api/v1/dialogs/" + friend + "/messages?limit=" + limit
                + (after == null ? "" : "&after=" + after), token);
        if (!r.ok()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        r.body().path("messages").forEach(m -> ids.add(m.path("id").asString()));
        JsonNode newer = r.body().path("newer");
        return new Page(ids, newer.isNull() || newer.isMissingNode() ? null : newer.asString());
    }

    /**
     * Set-up calls before the traffic, retried while the just-started system answers 503 or not at all (the
     * writers' group may still be settling): up to 30 attempts a second apart.
     */
    static Reply settingUp(java.util.function.Supplier<Reply> call) {
        Reply r = call.get();
        for (int i = 1; i < 30 && (r.status() == 503 || r.status() == NO_ANSWER); i++) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
            r = call.get();
        }
        return r;
    }

    private static Reply required(Reply r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + " failed: " + r.status() + " " + r.body());
        }
        return r;
    }

    private Reply post(String url, String token, Object body) {
        return exchange(base(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private Reply get(String url, String token) {
        return exchange(base(url, token).GET().build());
    }

    private static HttpRequest.Builder base(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? null : parse(text);
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            return new Reply(NO_ANSWER, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(NO_ANSWER, null);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
