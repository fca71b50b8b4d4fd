package dev.chat.reader.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.chat.boot.problem.ProblemType;
import dev.chat.reader.ReaderApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Tokens a forger can build without the secret, or with the right secret but another algorithm: all 401 before any
 * dialog is looked at. (Expired and wrongly signed tokens: {@code SecurityTests}.)
 */
class ForgedTokenTests extends ReaderApiTestSupport {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void unsignedAlgNoneTokensAreRejected() {
        newDialog(alice, bob);
        String claims = claims(alice);
        for (String header : List.of("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"None\"}", "{\"alg\":\"NONE\"}")) {
            String unsigned = b64(header) + "." + b64(claims) + ".";
            expectUnauthorized(unsigned);
        }
    }

    @Test
    void aValidSignatureUnderAnotherHeaderOrAStrippedSignatureIsRejected() throws Exception {
        newDialog(alice, bob);
        String claims = b64(claims(alice));
        String hs512 = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + claims;
        String valid = TestTokens.forUser(alice);

        expectUnauthorized(hs512 + "." + sign("HmacSHA512", hs512));
        expectUnauthorized(valid.substring(0, valid.lastIndexOf('.') + 1));
        expectUnauthorized(b64("{\"alg\":\"none\"}") + valid.substring(valid.indexOf('.')));
        expectUnauthorized(valid.substring(0, valid.indexOf('.') + 1) + b64(claims(bob)) + valid.substring(valid.lastIndexOf('.')));
    }

    private void expectUnauthorized(String token) {
        expectProblem(http.get().uri("/api/v1/dialogs/{friend}/messages", bob)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange(), 401, ProblemType.UNAUTHORIZED.uri());
    }

    private static String claims(UUID user) {
        long now = Instant.now().getEpochSecond();
        return "{\"sub\":\"" + user + "\",\"iss\":\"chat\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
    }

    private static String sign(String algorithm, String content) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8), algorithm));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
