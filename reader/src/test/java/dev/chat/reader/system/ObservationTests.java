package dev.chat.reader.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.chat.reader.ReaderApiTestSupport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Per-request observations: Spring Security's are off (CPU nobody reads), the HTTP timers stay. */
class ObservationTests extends ReaderApiTestSupport {

    @Autowired
    private ObservationRegistry observations;

    @Test
    void springSecurityObservationsAreOff() {
        assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.authentications", observations).isNoop()).isTrue();
    }

    @Test
    void httpServerRequestTimersAreStillPublished() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        newDialog(alice, bob);
        get(alice, "/dialog/{friend}/list", bob).expectStatus().isOk();

        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("http_server_requests_seconds_count{")
                        .contains("uri=\"/dialog/{user_id}/list\"")
                        .doesNotContain("spring_security_filterchains"));
    }
}
