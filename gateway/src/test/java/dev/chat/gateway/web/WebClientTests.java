package dev.chat.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import org.junit.jupiter.api.Test;

/** The web client's files are public under /web/; every other unknown path is still a 404 problem. */
class WebClientTests extends GatewayIntegrationTest {

    @Test
    void theRootLeadsToThePage() {
        for (String path : new String[] {"/", "/web", "/web/"}) {
            Reply reply = http.get(path, null);

            assertThat(reply.status()).as(path).isEqualTo(302);
            assertThat(reply.header("Location")).endsWith("/web/index.html");
        }
    }

    @Test
    void thePageAndItsScriptAreServedWithoutAToken() {
        Reply page = http.get("/web/index.html", null);
        Reply script = http.get("/web/chat.js", null);
        Reply style = http.get("/web/chat.css", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("chat.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(script.body()).contains("/ws?access_token=");
        assertThat(style.status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAreStill404Problems() {
        User user = http.newUser("Lost");

        Reply missingFile = http.get("/web/missing.js", null);
        Reply unknownApi = http.get("/api/v1/nothing-here", user.token());
        Reply unknownPost = http.post("/api/v1/nothing-here", user.token(), "{}");
        Reply rootFile = http.get("/index.html", user.token());

        for (Reply reply : new Reply[] {missingFile, unknownApi, unknownPost, rootFile}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.problemType()).isEqualTo("not-found");
        }
        assertThat(http.get("/api/v1/nothing-here", null).status()).as("still needs a token").isEqualTo(401);
    }

    @Test
    void theClientConfigIsPublicAndLetsThePageFindTheReader() {
        Reply config = http.get("/api/v1/client-config", null);

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("reader_url").isNull()).as("not configured: the page's host, port 8081").isTrue();
        assertThat(config.json().get("ws_path").asString()).isEqualTo("/ws");
        assertThat(config.json().get("gateways").isArray()).as("no other gateways: the page stays on this one").isTrue();
        assertThat(config.json().get("gateways").size()).isZero();
    }
}
