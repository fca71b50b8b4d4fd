package dev.chat.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.chat.boot.problem.ProblemType;
import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.HostileInput;
import dev.chat.gateway.TestHttp;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.http.HttpProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bad-input sweep over every gateway endpoint that reads a JSON body: whatever arrives, the answer is a 4xx
 * problem with one of our type URIs, never a 500, an HTML page or a guess. Ids in paths and queries:
 * {@link BadIdSweepTests}; hostile but valid strings: {@link HostileTextTests}.
 */
class BadInputSweepTests extends GatewayIntegrationTest {

    /** The endpoints that read a JSON body, each with a valid body and the fields it cannot do without. */
    enum BodyEndpoint {
        REGISTER("/user/register", List.of("first_name", "second_name", "password")),
        LOGIN("/login", List.of("id", "password")),
        CREATE_DIALOG("/api/v1/dialogs", List.of("friend_id")),
        SEND("/api/v1/dialogs/{friend}/messages", List.of("text")),
        OTUS_SEND("/dialog/{friend}/send", List.of("text")),
        READ("/api/v1/dialogs/{friend}/read", List.of("message_id"));

        final String path;
        final List<String> required;

        BodyEndpoint(String path, List<String> required) {
            this.path = path;
            this.required = required;
        }

        Map<String, Object> validBody(UUID friend) {
            Map<String, Object> body = new LinkedHashMap<>();
            switch (this) {
                case REGISTER -> {
                    body.put("first_name", "Ann");
                    body.put("second_name", "Lee");
                    body.put("birthdate", "1990-01-02");
                    body.put("biography", "bio");
                    body.put("city", "Tver");
                    body.put("password", "correct horse battery");
                }
                case LOGIN -> {
                    body.put("id", friend.toString());
                    body.put("password", "correct horse battery");
                }
                case CREATE_DIALOG -> {
                    body.put("friend_id", friend.toString());
                    body.put("name", "sweep");
                }
                case SEND -> {
                    body.put("text", "hello");
                    body.put("client_id", "c-" + UUID.randomUUID());
                }
                case OTUS_SEND -> body.put("text", "hello");
                case READ -> body.put("message_id", UUID.randomUUID().toString());
            }
            return body;
        }
    }

    static final List<String> MALFORMED = List.of("{", "{\"text\": ", "{\"text\" \"x\"}", "{'text': 'x'}",
            "{\"text\": \"x\",}", "{\"text\": \"x\"", "{\"text\": \"unterminated}", "not json", "{\"text\": x}",
            "", " ", "[]", "[{\"text\": \"x\"}]", "\"text\"", "42", "null", "true", "{\"a\":" + "[".repeat(3000),
            "{\"text\": \"\\u12\"}", "{\"text\": \"bad escape \\q\"}", "\u0000", "{\"text\": 1e999999}");

    static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream");

    static final List<Object> WRONG_TYPES = List.of(42, -1.5, true, List.of("x"), Map.of("x", 1), List.of());

    @Autowired
    HttpProperties limits;

    private static User caller;
    private static User friend;

    @BeforeEach
    void usersWithADialog() {
        if (caller == null) { // once per class: registering costs bcrypt rounds
            friend = http.newUser("Swept");
            caller = http.newUser("Sweeper");
            assertThat(http.post("/api/v1/dialogs", caller.token(), Map.of("friend_id", friend.id().toString())).status())
                    .isEqualTo(201);
        }
    }

    static Stream<Arguments> malformedBodies() {
        return each(e -> MALFORMED.stream().map(body -> Arguments.of(e, body)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedBodies")
    void malformedTruncatedOrNonObjectBodiesAreBadRequestProblems(BodyEndpoint endpoint, String body) {
        assertProblem(post(endpoint, body, "application/json"), 400);
    }

    @ParameterizedTest
    @EnumSource(BodyEndpoint.class)
    void aTruncatedValidBodyIsAMalformedJsonProblem(BodyEndpoint endpoint) {
        String valid = TestHttp.json(endpoint.validBody(friend.id()));
        for (int cut : List.of(1, valid.length() / 2, valid.length() - 1)) {
            assertThat(assertProblem(post(endpoint, valid.substring(0, cut), "application/json"), 400))
                    .isEqualTo(ProblemType.MALFORMED_JSON.slug());
        }
    }

    @ParameterizedTest
    @EnumSource(BodyEndpoint.class)
    void bytesThatAreNotUtf8AreAMalformedJsonProblem(BodyEndpoint endpoint) {
        byte[] body = "{\"text\": \"\u00C3(\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertProblem(http.postChunked(path(endpoint), token(endpoint), body), 400);
    }

    static Stream<Arguments> wrongContentTypes() {
        return each(e -> Stream.concat(WRONG_CONTENT_TYPES.stream(), Stream.of((String) null)).map(t -> Arguments.of(e, t)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongContentTypes")
    void aBodyOfAnotherContentTypeIsAnUnsupportedMediaTypeProblem(BodyEndpoint endpoint, String contentType) {
        String body = TestHttp.json(endpoint.validBody(friend.id()));

        assertThat(assertProblem(post(endpoint, body, contentType), 415)).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.slug());
    }

    @ParameterizedTest
    @EnumSource(BodyEndpoint.class)
    void aBodyOverTheLimitIsAPayloadTooLargeProblemWithOrWithoutALength(BodyEndpoint endpoint) {
        Map<String, Object> body = endpoint.validBody(friend.id());
        String field = endpoint.required.get(endpoint.required.size() - 1);
        body.put(field, "x".repeat((int) limits.maxBodySize().toBytes()));
        String json = TestHttp.json(body);

        assertThat(assertProblem(post(endpoint, json, "application/json"), 413)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.slug());
        assertThat(assertProblem(http.postChunked(path(endpoint), token(endpoint), json.getBytes(StandardCharsets.UTF_8)), 413))
                .isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.slug());
    }

    static Stream<Arguments> wrongTypes() {
        List<Arguments> cases = new ArrayList<>();
        for (BodyEndpoint endpoint : BodyEndpoint.values()) {
            for (String field : endpoint.validBody(UUID.randomUUID()).keySet()) {
                WRONG_TYPES.stream()
                        // Jackson's date form [yyyy, m, d] reads [] as "no birthdate" (optional): lenient, not wrong
                        .filter(value -> !(field.equals("birthdate") && List.of().equals(value)))
                        .forEach(value -> cases.add(Arguments.of(endpoint, field, value)));
                if (endpoint.required.contains(field)) {
                    cases.add(Arguments.of(endpoint, field, null));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("wrongTypes")
    void aFieldOfTheWrongJsonTypeOrANullRequiredFieldIsABadRequestProblem(BodyEndpoint endpoint, String field, Object value) {
        Map<String, Object> body = endpoint.validBody(friend.id());
        body.put(field, value);

        assertThat(assertProblem(post(endpoint, TestHttp.json(body), "application/json"), 400))
                .isIn(ProblemType.WRONG_TYPE.slug(), ProblemType.VALIDATION.slug());
    }

    @ParameterizedTest
    @EnumSource(BodyEndpoint.class)
    void aMissingRequiredFieldOrAForgedExtraFieldIsABadRequestProblem(BodyEndpoint endpoint) {
        for (String field : endpoint.required) {
            Map<String, Object> body = endpoint.validBody(friend.id());
            body.remove(field);
            assertThat(assertProblem(post(endpoint, TestHttp.json(body), "application/json"), 400)).isEqualTo(ProblemType.VALIDATION.slug());
        }
        for (String forged : List.of("from", "author_id", "user_id", "owner_id", "dialog_id", "id ", "__proto__")) {
            Map<String, Object> body = endpoint.validBody(friend.id());
            body.put(forged, caller.id().toString());
            assertThat(assertProblem(post(endpoint, TestHttp.json(body), "application/json"), 400)).isEqualTo(ProblemType.UNKNOWN_FIELD.slug());
        }
    }

    static Stream<Arguments> invalidValues() {
        String tooLongText = "a".repeat(4097);
        return Stream.of(
                Arguments.of(BodyEndpoint.REGISTER, "first_name", List.of("", " ", "\t\n", "x".repeat(101))),
                Arguments.of(BodyEndpoint.REGISTER, "second_name", List.of("", "x".repeat(101))),
                Arguments.of(BodyEndpoint.REGISTER, "password", List.of("", "short", "é".repeat(37), "x".repeat(73))),
                Arguments.of(BodyEndpoint.REGISTER, "birthdate", List.of("", "2999-01-01", "1990-13-45", "yesterday", "01.02.1990")),
                Arguments.of(BodyEndpoint.REGISTER, "biography", List.of("x".repeat(2001))),
                Arguments.of(BodyEndpoint.REGISTER, "city", List.of("x".repeat(101))),
                Arguments.of(BodyEndpoint.LOGIN, "id", List.of("", "not-a-uuid", "-1", "0", UUID.randomUUID() + "0", "x".repeat(5000))),
                Arguments.of(BodyEndpoint.LOGIN, "password", List.of("")),
                Arguments.of(BodyEndpoint.CREATE_DIALOG, "friend_id", List.of("", "bob", "-1", UUID.randomUUID() + "0",
                        "{" + UUID.randomUUID() + "}", "x".repeat(5000))),
                Arguments.of(BodyEndpoint.CREATE_DIALOG, "name", List.of("x".repeat(201))),
                Arguments.of(BodyEndpoint.SEND, "text", List.of("", " ", " \n\t\r", tooLongText)),
                Arguments.of(BodyEndpoint.SEND, "client_id", List.of("", "has space", "x".repeat(129), "ключ", "a\u0000b", "tab\tx")),
                Arguments.of(BodyEndpoint.OTUS_SEND, "text", List.of("", "  ", tooLongText)),
                Arguments.of(BodyEndpoint.READ, "message_id", List.of("", "nope", "-1", UUID.randomUUID() + "0",
                        "{" + UUID.randomUUID() + "}")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidValues")
    void anInvalidValueIsABadRequestProblem(BodyEndpoint endpoint, String field, List<String> values) {
        for (String value : values) {
            Map<String, Object> body = endpoint.validBody(friend.id());
            body.put(field, value);
            assertThat(assertProblem(post(endpoint, TestHttp.json(body), "application/json"), 400))
                    .as("%s=%s", field, value.length() > 40 ? value.substring(0, 40) + "…" : value)
                    .isIn(ProblemType.WRONG_TYPE.slug(), ProblemType.VALIDATION.slug());
        }
    }

    static Stream<Arguments> stringFields() {
        List<Arguments> cases = new ArrayList<>();
        for (BodyEndpoint endpoint : BodyEndpoint.values()) {
            endpoint.validBody(UUID.randomUUID()).forEach((field, value) -> {
                if (!field.endsWith("id") && !field.equals("birthdate")) {
                    cases.add(Arguments.of(endpoint, field));
                }
            });
        }
        return cases.stream();
    }

    /** A lone surrogate has no UTF-8 form: storing it would store something else (a '?'), so it is refused. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stringFields")
    void aLoneSurrogateInAnyTextIsABadRequestProblem(BodyEndpoint endpoint, String field) {
        for (String escaped : HostileInput.LONE_SURROGATES) {
            Map<String, Object> body = endpoint.validBody(friend.id());
            body.put(field, "@@");
            String json = TestHttp.json(body).replace("\"@@\"", "\"pass " + escaped + " word\"");
            assertThat(assertProblem(post(endpoint, json, "application/json"), 400)).as(escaped)
                    .isIn(ProblemType.WRONG_TYPE.slug(), ProblemType.VALIDATION.slug());
        }
    }

    private static Stream<Arguments> each(java.util.function.Function<BodyEndpoint, Stream<Arguments>> cases) {
        return Stream.of(BodyEndpoint.values()).flatMap(cases);
    }

    private Reply post(BodyEndpoint endpoint, String body, String contentType) {
        return http.send("POST", path(endpoint), token(endpoint), body, contentType);
    }

    private String path(BodyEndpoint endpoint) {
        return endpoint.path.replace("{friend}", friend.id().toString());
    }

    private String token(BodyEndpoint endpoint) {
        return endpoint == BodyEndpoint.REGISTER || endpoint == BodyEndpoint.LOGIN ? null : caller.token();
    }

    /** Asserts a problem of this status with one of our type URIs; its slug. */
    static String assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).startsWith(ProblemType.BASE);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        return reply.problemType();
    }
}
