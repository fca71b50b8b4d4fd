package dev.chat.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code chat.web.*} as the gateway binds it: the failover gateways come from one comma-separated setting. */
class WebClientPropertiesTests {

    @Test
    void gatewaysBindFromACommaSeparatedListWithoutTrailingSlashes() {
        WebClientProperties web = bind(Map.of("chat.web.gateways", "http://127.0.0.1:8090/, https://chat-b.example"));

        assertThat(web.gateways()).containsExactly("http://127.0.0.1:8090", "https://chat-b.example");
    }

    @Test
    void noGatewaysByDefault() {
        assertThat(bind(Map.of("chat.web.reader-url", "http://127.0.0.1:8081")).gateways()).isEmpty();
    }

    @Test
    void aGatewayThatIsNoHttpOriginFailsNamingTheSetting() {
        for (String bad : new String[] {"127.0.0.1:8090", "ws://127.0.0.1:8090", "http://127.0.0.1:8090/ws", ""}) {
            assertThatThrownBy(() -> new WebClientProperties(null, List.of(bad))).as(bad)
                    .hasMessageContaining("chat.web.gateways").hasMessageContaining("'" + bad + "'");
        }
    }

    private static WebClientProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("chat.web", WebClientProperties.class);
    }
}
