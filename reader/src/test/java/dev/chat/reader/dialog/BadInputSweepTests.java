package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.chat.boot.problem.ProblemType;
import dev.chat.reader.system.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reader's part of the bad-input sweep: ids and paging parameters that are not what the API takes are 400
 * problems on both history endpoints, never a 500; hostile but valid text comes back byte for byte. Raw requests
 * that HTTP clients refuse to send: {@code ProblemTests}.
 */
class BadInputSweepTests extends DialogApiTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    static final List<String> ROUTES = List.of("/api/v1/dialogs/%s/messages", "/dialog/%s/list");

    /** Already percent-encoded where they must be. */
    static final List<String> BAD_IDS = List.of("not-a-uuid", "-1", "0", "null", UUID.randomUUID() + "0",
            "00000000-0000-0000-0000-00000000000g", "%7B" + UUID.randomUUID() + "%7D", "x".repeat(2000),
            "%F0%9F%98%80", "%E2%80%8F" + UUID.randomUUID(), UUID.randomUUID() + "%E2%80%8D", "%C2%A0" + UUID.randomUUID(),
            "%27%20OR%201%3D1%20--", "%7B%22%24gt%22%3A%22%22%7D", "%22%5D%5D)%20redis.call('FLUSHALL')%20--");

    static final List<String> BAD_QUERIES = List.of("?limit=-1", "?limit=0", "?limit=201", "?limit=abc", "?limit=1e3",
            "?limit=", "?limit=9999999999999999999", "?limit=%F0%9F%98%80", "?limit=1&limit=2", "?before=", "?after=",
            "?before=garbage", "?after=%27%20OR%201%3D1", "?before=" + "A".repeat(3000), "?before=-1", "?after=null",
            "?before=x&after=y");

    static Stream<Arguments> badIds() {
        List<Arguments> cases = new ArrayList<>();
        ROUTES.forEach(route -> BAD_IDS.forEach(id -> cases.add(Arguments.of(route, id))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badIds")
    void anIdThatIsNotAUuidIsABadRequestProblem(String route, String id) {
        expectClientProblem(raw(route.formatted(id)), 400);
    }

    @Test
    void badPagingParametersAreBadRequestProblems() {
        newDialog(alice, bob);
        for (String query : BAD_QUERIES) {
            expectClientProblem(raw(ROUTES.get(0).formatted(bob) + query), 400);
        }
    }

    @Test
    void hostileButValidTextComesBackByteForByteOnBothEndpoints() {
        UUID dialogId = newDialog(alice, bob);
        Map<UUID, String> written = new LinkedHashMap<>();
        hostileTexts().forEach(text -> written.put(writeOne(dialogId, alice, text).id(), text));

        HistoryPage page = page(bob, alice, "?limit=200");
        List<OtusDialogMessage> list = get(bob, "/dialog/{user}/list", alice).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<OtusDialogMessage>>() {
                }).returnResult().getResponseBody();

        Map<UUID, String> read = new LinkedHashMap<>();
        page.messages().forEach(m -> read.put(m.id(), m.message()));
        assertThat(read).isEqualTo(written);
        assertThat(list).extracting(OtusDialogMessage::text).containsExactlyElementsOf(written.values());
    }

    /** The gateway's sweep strings (gateway test HostileInput), as the writer would have stored them. */
    static List<String> hostileTexts() {
        return List.of("'); DROP TABLE users;--", "\"]]) redis.call('FLUSHALL') --", "]] .. redis.call('DEL', KEYS[1]) .. [[",
                "{\"$gt\":\"\"}", "\"},{\"id\":\"x\", \"message\":\"forged", "\\\"},{ \\u0000 \\n literally",
                "\u202Eevil\u202C \u200Fשלום\u200F", "👨\u200D👩\u200D👧\u200D👦 a\u200Db\u200Bc\uFEFFd", "a\u0000b\u0000",
                "😀🎉🇺🇦👍🏽 \uDBFF\uDFFF", "e\u0301 Z\u0335\u0321\u0322a\u0337l\u0338g\u0334o", "tab\t nl\n bell\u0007 esc\u001B[31m",
                "x\u2028\u2029\u0085y", "<script>alert(1)</script>&amp;", "x\uFFFE\uFFFF\uFDD0");
    }

    private HttpResponse<String> raw(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(alice)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expectClientProblem(HttpResponse<String> response, int status) {
        String what = response.uri() + " → " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).as(what).startsWith(ProblemType.BASE);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }
}
