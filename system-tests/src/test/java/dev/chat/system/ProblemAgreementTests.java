package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;

import dev.chat.system.RawHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway and the reader, running as they do in production, answer the same bad request with the same problem
 * {@code type} and {@code status}, whichever layer rejects it: Tomcat before any servlet ran, Spring Security's
 * firewall or filter chain, Spring MVC. Where the two have no endpoint in common a case names one per service; the
 * reader reads no request bodies, so the malformed-JSON case has only the gateway's.
 */
class ProblemAgreementTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPES = "https://chat.dev/problems/";

    private static RunningSystem system;
    private static Client alice;

    /** Who the request claims to be. */
    enum Token { NONE, VALID, GARBAGE }

    /** One service's request; {@code {friend}} in the target is a user id. */
    record Request(String method, String target, Token token, String header, String body) {

        static Request get(String target, Token token) {
            return new Request("GET", target, token, null, null);
        }
    }

    /** The same failure on both services: the request each gets (null: none fits), the answer both must give. */
    record Case(String name, Request gateway, Request reader, int status, String slug) {

        static Case both(String name, Request request, int status, String slug) {
            return new Case(name, request, request, status, slug);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String history = "/api/v1/dialogs/{friend}/messages";
        return Stream.of(
                Case.both("%00 in the path", Request.get("/api/v1/dialogs/%00/messages", Token.VALID), 400, "validation"),
                Case.both("%2F in the path", Request.get("/api/v1/dialogs/a%2Fb/messages", Token.VALID), 400, "validation"),
                Case.both("%ZZ in the path", Request.get("/api/v1/dialogs/%ZZ/messages", Token.VALID), 400, "validation"),
                Case.both("a path parameter the firewall rejects",
                        Request.get("/api/v1/dialogs/x;jsessionid=1/messages", Token.VALID), 400, "validation"),
                Case.both("unknown path", Request.get("/api/v2/nothing", Token.VALID), 404, "not-found"),
                Case.both("wrong method", new Request("DELETE", history, Token.VALID, null, null), 405, "method-not-allowed"),
                new Case("unacceptable Accept", new Request("GET", "/api/v1/me", Token.VALID, "Accept: application/xml", null),
                        new Request("GET", history, Token.VALID, "Accept: application/xml", null), 406, "not-acceptable"),
                new Case("malformed JSON", new Request("POST", "/api/v1/dialogs", Token.VALID, null, "{\"friend_id\": "),
                        null, 400, "malformed-json"),
                new Case("a path id that is not a UUID",
                        new Request("POST", "/api/v1/dialogs/not-a-uuid/messages", Token.VALID, null, "{\"text\":\"hi\"}"),
                        Request.get("/api/v1/dialogs/not-a-uuid/messages", Token.VALID), 400, "invalid-parameter"),
                new Case("an undecodable query parameter", Request.get("/user/search?first_name=%ZZ&last_name=a", Token.VALID),
                        Request.get(history + "?limit=%ZZ", Token.VALID), 400, "invalid-parameter"),
                Case.both("missing token", Request.get(history, Token.NONE), 401, "unauthorized"),
                Case.both("invalid token", Request.get(history, Token.GARBAGE), 401, "unauthorized"));
    }

    @BeforeAll
    static void start() {
        system = RunningSystem.start();
        alice = Client.register(system.gatewayUrl(), system.readerUrl(), "Alice");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gatewayAndReaderAnswerWithTheSameProblem(Case c) {
        if (c.gateway() != null) {
            assertProblem(send(system.gatewayUrl(), c.gateway()), c);
        }
        if (c.reader() != null) {
            assertProblem(send(system.readerUrl(), c.reader()), c);
        }
    }

    private static Answer send(String baseUrl, Request request) {
        String target = request.target().replace("{friend}", UUID.randomUUID().toString());
        String authorization = switch (request.token()) {
            case NONE -> null;
            case VALID -> "Authorization: Bearer " + alice.token;
            case GARBAGE -> "Authorization: Bearer not-a-jwt";
        };
        String[] headers = Stream.of(authorization, request.header()).filter(h -> h != null).toArray(String[]::new);
        return RawHttp.send(baseUrl, request.method(), target, request.body(), headers);
    }

    private static void assertProblem(Answer answer, Case c) {
        String what = c.name() + ": " + answer.raw();
        assertThat(answer.status()).as(what).isEqualTo(c.status());
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).as(what).isEqualTo(TYPES + c.slug());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(c.status());
        assertThat(problem.path("title").asString()).as(what).isNotBlank();
    }
}
