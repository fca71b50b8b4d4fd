package dev.chat.gateway.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Entry points of the browser client, whose files are {@code static/} served under {@code /web/**}: {@code /}
 * leads there, and {@code GET /api/v1/client-config} tells the page where the reader is and which other gateways its
 * WebSocket may fail over to. Both are public.
 */
@RestController
class WebClientController {

    static final String PAGE = "/web/index.html";

    private final WebClientProperties properties;

    WebClientController(WebClientProperties properties) {
        this.properties = properties;
    }

    @GetMapping({"/", "/web", "/web/"})
    ResponseEntity<Void> page() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(PAGE)).build();
    }

    @GetMapping("/api/v1/client-config")
    ClientConfig config() {
        return new ClientConfig(properties.readerUrl(), "/ws", properties.gateways());
    }

    /** {@code reader_url} null: the page uses its own host on port 8081; {@code gateways}: origins besides its own. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ClientConfig(String readerUrl, String wsPath, List<String> gateways) {
    }
}
