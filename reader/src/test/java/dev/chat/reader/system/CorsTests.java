package dev.chat.reader.system;

import java.util.UUID;

import dev.chat.reader.ReaderApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The gateway's web client reads history cross-origin; other origins may not. */
class CorsTests extends ReaderApiTestSupport {

    private static final String GATEWAY = "http://localhost:8080";

    @Test
    void aPreflightFromTheGatewaysOriginIsAllowedForGetWithAuthorization() {
        http.options().uri("/api/v1/dialogs/{friend}/messages", UUID.randomUUID())
                .header(HttpHeaders.ORIGIN, GATEWAY)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, GATEWAY)
                .expectHeader().valueMatches(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "(?i).*authorization.*")
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        http.options().uri("/api/v1/dialogs/{friend}/messages", UUID.randomUUID())
                .header(HttpHeaders.ORIGIN, "http://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void theGatewaysPageGetsTheHistoryWithTheCorsHeader() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        newDialog(alice, bob);

        http.get().uri("/api/v1/dialogs/{friend}/messages", bob)
                .header(HttpHeaders.ORIGIN, GATEWAY)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(alice))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, GATEWAY);
    }
}
