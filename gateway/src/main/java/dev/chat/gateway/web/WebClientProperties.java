package dev.chat.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The web client served at {@code /web/}.
 *
 * @param readerUrl where the browser reads history (the reader, which must allow this gateway's origin in
 *                  {@code chat.reader.cors-allowed-origins}); blank: the page's own host on port 8081
 */
@Validated
@ConfigurationProperties("chat.web")
record WebClientProperties(String readerUrl) {

    WebClientProperties {
        if (readerUrl != null && !readerUrl.isBlank() && !readerUrl.matches("https?://[^/?#\\s]+/?")) {
            throw new IllegalArgumentException("gateway web client: chat.web.reader-url must be an http(s) origin such as"
                    + " http://127.0.0.1:8081, was '" + readerUrl + "'");
        }
        readerUrl = readerUrl == null || readerUrl.isBlank() ? null : readerUrl.replaceAll("/$", "");
    }
}
