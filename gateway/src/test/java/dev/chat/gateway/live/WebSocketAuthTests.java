package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The {@code /ws} handshake takes the API's token, as a header or {@code ?access_token=}, and nothing else. */
class WebSocketAuthTests extends WebSocketTest {

    @Autowired
    JwtEncoder encoder;

    @Test
    void aHandshakeWithoutATokenIsRefusedWithAn401Problem() {
        Reply plain = http.get("/ws", null);

        assertThat(plain.status()).isEqualTo(401);
        assertThat(plain.problemType()).isEqualTo("unauthorized");
        assertThat(plain.detail()).contains("access_token");
        assertThat(plain.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(TestSocket.refusedStatus(ws(""), null)).isEqualTo(401);
    }

    @Test
    void badQueryTokensAreRefusedWith401AndSaySo() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = mint(encoder, claims(UUID.randomUUID()).issuedAt(past.minusSeconds(60)).expiresAt(past));
        var otherKey = new SecretKeySpec("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String forged = mint(NimbusJwtEncoder.withSecretKey(otherKey).algorithm(MacAlgorithm.HS256).build(), claims(UUID.randomUUID()));

        Reply expiredReply = http.get("/ws?access_token=" + expired, null);
        Reply forgedReply = http.get("/ws?access_token=" + forged, null);
        Reply garbageReply = http.get("/ws?access_token=not-a-jwt", null);

        assertThat(expiredReply.status()).isEqualTo(401);
        assertThat(expiredReply.problemType()).isEqualTo("unauthorized");
        assertThat(expiredReply.detail()).containsIgnoringCase("expired");
        assertThat(expiredReply.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(forgedReply.status()).isEqualTo(401);
        assertThat(garbageReply.status()).isEqualTo(401);
        assertThat(TestSocket.refusedStatus(ws("?access_token=" + forged), null)).isEqualTo(401);
        assertThat(TestSocket.refusedStatus(ws("?access_token=" + expired), null)).isEqualTo(401);
    }

    @Test
    void aBadHeaderTokenIsRefusedWith401EvenWithAGoodQueryToken() {
        User user = http.newUser("Header");

        assertThat(TestSocket.refusedStatus(ws(""), "not-a-jwt")).isEqualTo(401);
        assertThat(TestSocket.refusedStatus(ws("?access_token=" + user.token()), "not-a-jwt")).isEqualTo(401);
    }

    @Test
    void aValidTokenOpensTheSocketEitherWay() {
        User user = http.newUser("Valid");

        TestSocket header = socket(user);
        TestSocket query = socketWithQueryToken(user);
        header.send(Map.of("type", "ping"));
        query.send(Map.of("type", "ping"));

        header.await(f -> "pong".equals(f.path("type").asString()));
        query.await(f -> "pong".equals(f.path("type").asString()));
    }

    @Test
    void aPlainGetWithAValidTokenIsABadRequestNotAnUpgrade() {
        User user = http.newUser("Plain");

        assertThat(http.get("/ws", user.token()).status()).isEqualTo(400);
    }

    @Test
    void anotherOriginIsRefused() {
        User user = http.newUser("Origin");

        assertThat(TestSocket.refusedStatus(ws("?access_token=" + user.token()), null, "http://evil.example"))
                .isEqualTo(403);
    }

    private URI ws(String query) {
        return URI.create("ws://127.0.0.1:" + port + "/ws" + query);
    }

    private static JwtClaimsSet.Builder claims(UUID subject) {
        return JwtClaimsSet.builder().issuer("chat").subject(subject.toString()).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
    }

    private static String mint(JwtEncoder encoder, JwtClaimsSet.Builder claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }
}
