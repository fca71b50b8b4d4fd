package dev.chat.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class SecurityTests extends GatewayIntegrationTest {

    @Autowired
    JwtEncoder encoder;

    @Test
    void aValidTokenIsAccepted() {
        User user = http.newUser("Valid");

        assertThat(http.get("/api/v1/me", user.token()).status()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutATokenIsAnUnauthorizedProblem() {
        Reply reply = http.get("/api/v1/me", null);

        assertUnauthorized(reply);
        assertThat(reply.detail()).contains("Authorization: Bearer");
    }

    @Test
    void anExpiredTokenIsRejected() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = mint(encoder, claims(UUID.randomUUID().toString(), "chat").issuedAt(past.minusSeconds(3600)).expiresAt(past));

        Reply reply = http.get("/api/v1/me", token);

        assertUnauthorized(reply);
        assertThat(reply.detail()).containsIgnoringCase("expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        var otherKey = new SecretKeySpec("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtEncoder forger = NimbusJwtEncoder.withSecretKey(otherKey).algorithm(MacAlgorithm.HS256).build();

        assertUnauthorized(http.get("/api/v1/me", mint(forger, claims(UUID.randomUUID().toString(), "chat"))));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() {
        User user = http.newUser("AlgNone");
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"sub\":\"" + user.id() + "\",\"iss\":\"chat\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");

        assertUnauthorized(http.get("/api/v1/me", header + "." + payload + "."));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        assertUnauthorized(http.get("/api/v1/me", mint(encoder, claims(UUID.randomUUID().toString(), "someone-else"))));
    }

    @Test
    void aTokenWithoutExpiryIsRejected() {
        JwtClaimsSet.Builder forever = JwtClaimsSet.builder().issuer("chat").subject(UUID.randomUUID().toString())
                .issuedAt(Instant.now());

        assertUnauthorized(http.get("/api/v1/me", mint(encoder, forever)));
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserIdIsRejected() {
        assertUnauthorized(http.get("/api/v1/me", mint(encoder, claims("admin", "chat"))));
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRejected() {
        assertUnauthorized(http.get("/api/v1/me", "not-a-jwt"));
    }

    @Test
    void healthProbesAreOpen() {
        Reply readiness = http.get("/actuator/health/readiness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.problemType()).isEqualTo("unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static JwtClaimsSet.Builder claims(String subject, String issuer) {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().issuer(issuer).subject(subject).issuedAt(now).expiresAt(now.plusSeconds(600));
    }

    private static String mint(JwtEncoder encoder, JwtClaimsSet.Builder claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
