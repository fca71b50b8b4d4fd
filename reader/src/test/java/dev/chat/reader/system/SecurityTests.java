package dev.chat.reader.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.chat.boot.jwt.JwtProperties;
import dev.chat.boot.problem.ProblemType;
import dev.chat.reader.ReaderApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every way of not presenting a valid token ends in the same 401 problem, before any dialog is looked at. */
class SecurityTests extends ReaderApiTestSupport {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void dialogExists() {
        newDialog(alice, bob);
    }

    private RestTestClient.ResponseSpec withToken(String path, String token) {
        return http.get().uri(path, bob).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private void expectUnauthorized(RestTestClient.ResponseSpec response) {
        response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"));
        expectProblem(response, 401, ProblemType.UNAUTHORIZED.uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/dialogs/{friend}/messages", "/dialog/{friend}/list"})
    void theValidTokenOfAParticipantIsEnough(String path) {
        withToken(path, TestTokens.forUser(alice)).expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/dialogs/{friend}/messages", "/dialog/{friend}/list", "/no/such/path"})
    void rejectsAMissingToken(String path) {
        expectUnauthorized(http.get().uri(path, bob).exchange());
    }

    @Test
    void prometheusMetricsAreOpenToScrapersWithoutAToken() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void rejectsAnExpiredToken() {
        expectUnauthorized(withToken("/api/v1/dialogs/{friend}/messages", TestTokens.expired(alice)));
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        expectUnauthorized(withToken("/dialog/{friend}/list",
                TestTokens.signedWith(JwtProperties.DEV_SECRET, alice)));
    }

    @Test
    void rejectsTokensThatAreNotJwts() {
        for (String garbage : List.of("garbage", "a.b.c", "", TestTokens.forUser(alice) + "x")) {
            expectUnauthorized(withToken("/api/v1/dialogs/{friend}/messages", garbage));
        }
        expectUnauthorized(http.get().uri("/api/v1/dialogs/{friend}/messages", bob)
                .header(HttpHeaders.AUTHORIZATION, "Basic YWxpY2U6c2VjcmV0").exchange());
    }

    @Test
    void rejectsTokensFromAnotherIssuerOrWithoutExpiryOrWithoutAUserIdSubject() {
        List<String> tokens = List.of(
                TestTokens.with(c -> c.subject(alice.toString()).issuer("someone-else")),
                TestTokens.with(c -> c.subject(alice.toString()).claims(claims -> claims.remove("iss"))),
                TestTokens.with(c -> c.subject(alice.toString()).claims(claims -> claims.remove("exp"))),
                TestTokens.with(c -> c.subject("alice")),
                TestTokens.with(c -> c.subject("1-1-1-1-1")), // UUID.fromString would accept it
                TestTokens.with(c -> c.claims(claims -> claims.remove("sub"))));
        for (String token : tokens) {
            expectUnauthorized(withToken("/api/v1/dialogs/{friend}/messages", token));
        }
    }

    @Test
    void leavesHealthAndApiDocsOpen() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
    }

    @Test
    void unknownPathWithAValidTokenIsANotFoundProblem() {
        expectProblem(withToken("/api/v1/nothing/{x}", TestTokens.forUser(alice)), 404, ProblemType.NOT_FOUND.uri());
    }

    @Test
    void wrongMethodIsAProblemToo() {
        expectProblem(http.post().uri("/api/v1/dialogs/{friend}/messages", bob)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(alice)).exchange(),
                405, ProblemType.METHOD_NOT_ALLOWED.uri());
    }
}
