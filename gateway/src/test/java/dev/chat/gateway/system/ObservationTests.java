package dev.chat.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import org.junit.jupiter.api.Test;

/** Per-request observations: Spring Security makes none (chat-boot's settings), the HTTP timers stay. */
class ObservationTests extends GatewayIntegrationTest {

    @Test
    void httpServerRequestTimersArePublishedAndNoSpringSecurityObservations() {
        User user = http.newUser("Observed");
        assertThat(http.get("/api/v1/me", user.token()).status()).isEqualTo(200);

        Reply scrape = http.get("/actuator/prometheus", null);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/v1/me\"")
                .doesNotContain("spring_security_");
    }
}
