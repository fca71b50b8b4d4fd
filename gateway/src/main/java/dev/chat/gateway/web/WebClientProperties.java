package dev.chat.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web client served at {@code /web/}.
 *
 * @param readerUrl where the browser reads history (the reader, which must allow this gateway's origin in
 *                  {@code chat.reader.cors-allowed-origins}); blank: the page's own host on port 8081
 * @param gateways  the http(s) origins of other gateways the page's WebSocket fails over to when it loses this one
 *                  (each must list this gateway's origin in {@code chat.ws.allowed-origins}); default none
 */
@Validated
@ConfigurationProperties("chat.web")
record WebClientProperties(String readerUrl, @DefaultValue List<String> gateways) {

    private static final String ORIGIN = "https?://[^/?#\\s]+/?";

    WebClientProperties {
        if (readerUrl != null && !readerUrl.isBlank() && !readerUrl.matches(ORIGIN)) {
            throw new IllegalArgumentException("gateway web client: chat.web.reader-url must be an http(s) origin such as"
                    + " http://127.0.0.1:8081, was '" + readerUrl + "'");
        }
        readerUrl = readerUrl == null || readerUrl.isBlank() ? null : withoutSlash(readerUrl);
        gateways = gateways == null ? List.of() : gateways.stream().map(WebClientProperties::gateway).toList();
    }

    private static String gateway(String origin) {
        if (origin == null || !origin.strip().matches(ORIGIN)) {
            throw new IllegalArgumentException("gateway web client: every chat.web.gateways entry must be an http(s) origin"
                    + " such as http://127.0.0.1:8090 (no path), was '" + origin + "'");
        }
        return withoutSlash(origin.strip());
    }

    private static String withoutSlash(String origin) {
        return origin.replaceAll("/$", "");
    }
}
