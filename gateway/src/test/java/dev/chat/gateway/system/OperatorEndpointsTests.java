package dev.chat.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import org.junit.jupiter.api.Test;

/** What operators and API users read without a token: metrics for the scraper, the API description. */
class OperatorEndpointsTests extends GatewayIntegrationTest {

    @Test
    void prometheusMetricsAreOpenToScrapers() {
        Reply reply = http.get("/actuator/prometheus", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theOpenApiDocumentDescribesTheOtusAndV1Endpoints() {
        Reply reply = http.get("/v3/api-docs", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("/dialog/{user_id}/send", "/api/v1/dialogs", "/login", "OTUS");
    }
}
