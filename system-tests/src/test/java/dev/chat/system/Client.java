package dev.chat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A chat user as a client program sees the system: plain HTTP + JSON, nothing from the services' code. */
final class Client {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final UUID id;
    final String token;
    private final String gateway;
    private final String reader;

    private Client(UUID id, String token, String gateway, String reader) {
        this.id = id;
        this.token = token;
        this.gateway = gateway;
        this.reader = reader;
    }

    /** Registers a new user through the gateway and logs in. */
    static Client register(String gateway, String reader, String firstName) {
        return register(gateway, reader, firstName, "password-" + UUID.randomUUID());
    }

    /** As {@link #register(String, String, String)} with a known password, for logging in through a page. */
    static Client register(String gateway, String reader, String firstName, String password) {
        Response registered = call("POST", gateway + "/user/register", null, """
                {"first_name":"%s","second_name":"Tester","birthdate":"1990-01-01","biography":"e2e","city":"Test",
                 "password":"%s"}""".formatted(firstName, password));
        registered.expect(200);
        UUID id = UUID.fromString(registered.json().get("user_id").asString());
        Response login = call("POST", gateway + "/login", null,
                "{\"id\":\"%s\",\"password\":\"%s\"}".formatted(id, password));
        login.expect(200);
        return new Client(id, login.json().get("token").asString(), gateway, reader);
    }

    /** The same user talking to another gateway instance. */
    Client via(String otherGateway) {
        return new Client(id, token, otherGateway, reader);
    }

    /** {@code PUT /friend/set/{id}}: this user names {@code friend} as a friend. */
    Response addFriend(Client friend) {
        return call("PUT", gateway + "/friend/set/" + friend.id, token, null);
    }

    /** {@code GET /api/v1/friends} on this client's gateway (with {@code online}, issue #14). */
    Response friends() {
        return call("GET", gateway + "/api/v1/friends", token, null);
    }

    Response createDialog(Client friend) {
        return call("POST", gateway + "/api/v1/dialogs", token, "{\"friend_id\":\"%s\",\"name\":\"e2e\"}".formatted(friend.id));
    }

    Response send(Client friend, String text, String clientId) {
        String body = JSON.writeValueAsString(clientId == null
                ? JSON.createObjectNode().put("text", text)
                : JSON.createObjectNode().put("text", text).put("client_id", clientId));
        return call("POST", gateway + "/api/v1/dialogs/" + friend.id + "/messages", token, body);
    }

    /** {@code POST /api/v1/dialogs/{friend}/read} on this client's gateway: read up to {@code messageId}. */
    Response markRead(Client friend, String messageId) {
        return call("POST", gateway + "/api/v1/dialogs/" + friend.id + "/read", token,
                JSON.writeValueAsString(JSON.createObjectNode().put("message_id", messageId)));
    }

    /** The reader's {@code GET /api/v1/dialogs}: this user's inbox, newest activity first. */
    Response dialogs() {
        return call("GET", reader + "/api/v1/dialogs", token, null);
    }

    Response otusSend(Client friend, String text) {
        return call("POST", gateway + "/dialog/" + friend.id + "/send", token,
                JSON.writeValueAsString(JSON.createObjectNode().put("text", text)));
    }

    Response history(Client friend, String query) {
        return call("GET", reader + "/api/v1/dialogs/" + friend.id + "/messages" + query, token, null);
    }

    Response otusList(Client friend) {
        return call("GET", reader + "/dialog/" + friend.id + "/list", token, null);
    }

    static Response call(String method, String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }
}
