package dev.chat.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input of every kind is a 4xx problem with a stable type and a detail that says what to fix. */
class ProblemResponsesTests extends GatewayIntegrationTest {

    private User user;

    @BeforeEach
    void login() {
        user = http.newUser("Problems");
    }

    @Test
    void malformedJsonIsAMalformedJsonProblemNamingThePosition() {
        Reply reply = http.send("POST", "/api/v1/dialogs", user.token(), "{\"friend_id\": ", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("malformed-json");
        assertThat(reply.detail()).contains("not valid JSON").contains("line 1");
        assertThat(reply.json().get("instance").asString()).isEqualTo("/api/v1/dialogs");
    }

    @Test
    void aMissingBodyIsAMalformedJsonProblem() {
        Reply reply = http.send("POST", "/api/v1/dialogs", user.token(), null, "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("malformed-json");
    }

    @Test
    void aBodyThatIsNotAnObjectIsAMalformedJsonProblem() {
        Reply reply = http.send("POST", "/api/v1/dialogs", user.token(), "[1, 2]", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("malformed-json");
    }

    @Test
    void anIdThatIsNotAUuidIsAWrongTypeProblemNamingTheField() {
        Reply reply = http.send("POST", "/api/v1/dialogs", user.token(), "{\"friend_id\": \"bob\"}", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("wrong-type");
        assertThat(reply.detail()).contains("friend_id").contains("\"bob\"").contains("UUID");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsAWrongTypeProblem() {
        UUID friend = UUID.randomUUID();

        Reply array = http.send("POST", "/api/v1/dialogs/" + friend + "/messages", user.token(), "{\"text\": [\"hi\"]}", "application/json");
        Reply number = http.send("POST", "/api/v1/dialogs/" + friend + "/messages", user.token(), "{\"text\": 42}", "application/json");

        assertThat(array.status()).isEqualTo(400);
        assertThat(array.problemType()).isEqualTo("wrong-type");
        assertThat(array.detail()).contains("'text'").contains("a string");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.problemType()).isEqualTo("wrong-type");
    }

    @Test
    void anUnknownFieldIsRejectedNamingItAndTheAcceptedOnes() {
        Reply reply = http.send("POST", "/api/v1/dialogs/" + UUID.randomUUID() + "/messages", user.token(),
                "{\"text\": \"hi\", \"clientId\": \"c-1\"}", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("unknown-field");
        assertThat(reply.detail()).contains("'clientId'").contains("client_id, text");
    }

    @Test
    void aPathIdThatIsNotAUuidIsAnInvalidParameterProblem() {
        Reply reply = http.post("/api/v1/dialogs/not-a-uuid/messages", user.token(), "{\"text\": \"hi\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("invalid-parameter");
        assertThat(reply.detail()).contains("path variable 'friend_id'").contains("UUID").contains("not-a-uuid");
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblemListingTheAllowedOnes() {
        Reply reply = http.send("DELETE", "/api/v1/dialogs", user.token(), null, null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.problemType()).isEqualTo("method-not-allowed");
        assertThat(reply.header("Allow")).contains("POST");
    }

    @Test
    void aWrongMethodOnAnOpenEndpointIs405EvenWithoutAToken() {
        Reply reply = http.get("/login", null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.problemType()).isEqualTo("method-not-allowed");
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        Reply reply = http.get("/api/v2/whatever", user.token());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("not-found");
        assertThat(reply.detail()).contains("GET").contains("/api/v2/whatever");
    }

    @Test
    void aBodyOverTheLimitIsAPayloadTooLargeProblem() {
        String big = "{\"text\": \"" + "a".repeat(40_000) + "\"}";

        Reply reply = http.send("POST", "/api/v1/dialogs/" + UUID.randomUUID() + "/messages", user.token(), big, "application/json");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.problemType()).isEqualTo("payload-too-large");
        assertThat(reply.detail()).contains("32768 bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIsAPayloadTooLargeProblem() {
        byte[] big = ("{\"text\": \"" + "a".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        Reply reply = http.postChunked("/api/v1/dialogs/" + UUID.randomUUID() + "/messages", user.token(), big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.problemType()).isEqualTo("payload-too-large");
    }

    @Test
    void aRequestRejectedBeforeSpringMvcIsStillAProblem() {
        // Spring Security's firewall refuses path parameters; the 400 goes through the /error page
        Reply reply = http.get("/user/get/x;jsessionid=1", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation");
        assertThat(reply.json().get("instance").asString()).isEqualTo("/user/get/x;jsessionid=1");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem() {
        Reply reply = http.send("POST", "/api/v1/dialogs", user.token(), "friend=bob", "text/plain");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.problemType()).isEqualTo("unsupported-media-type");
    }
}
