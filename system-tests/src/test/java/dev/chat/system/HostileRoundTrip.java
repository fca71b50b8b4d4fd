package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Hostile but valid text end to end: injection attempts and Unicode edge cases sent over HTTP (v1 and OTUS) and
 * {@code /ws}, stored by the writer, read back from the reader byte for byte; text that is not valid Unicode (a lone
 * surrogate) is refused and leaves nothing behind. Run by {@link ChatFlowTests} on each store.
 */
final class HostileRoundTrip {

    /** The gateway sweep's strings (gateway test {@code HostileInput}). */
    static final List<String> TEXTS = List.of("'); DROP TABLE users;--", "' OR '1'='1' -- \" OR \"\"=\"",
            "\"]]) redis.call('FLUSHALL') --", "]] .. redis.call('DEL', KEYS[1]) .. [[ [==[ ]==]", "{\"$gt\":\"\"}",
            "\"},{\"id\":\"x\", \"message\":\"forged", "\\\"},{ \\u0000 \\n literally", "\u202Eevil\u202C \u200Fשלום\u200F مرحبا",
            "👨\u200D👩\u200D👧\u200D👦 a\u200Db\u200Bc\uFEFFd\u2060e", "a\u0000b\u0000", "😀🎉🇺🇦👍🏽 \uDBFF\uDFFF",
            "e\u0301 Z\u0335\u0321\u0322a\u0337\u0336l\u0338g\u0334o\u0489", "tab\t nl\n cr\r bell\u0007 esc\u001B[31m del\u007F",
            "x\u2028\u2029\u0085\u00A0y", "%s %n %d %% {0} ${jndi:ldap://x/a} #{1+1}", "<script>alert(1)</script>&amp;&lt;",
            "x\uFFFE\uFFFF\uFDD0");

    private HostileRoundTrip() {
    }

    static void check(RunningSystem system) {
        Client alice = Client.register(system.gatewayUrl(), system.readerUrl(), "Hostile");
        Client bob = Client.register(system.gatewayUrl(), system.readerUrl(), "Target");
        alice.createDialog(bob).expect(201);
        Map<String, String> sent = new LinkedHashMap<>();
        try (ChatSocket socket = ChatSocket.open(system.gatewayUrl(), alice)) {
            for (int i = 0; i < TEXTS.size(); i++) {
                String text = TEXTS.get(i);
                sent.put(alice.send(bob, text, "http-" + i).expect(202).json().get("id").asString(), text);
                sent.put(bob.otusSend(alice, text).expect(200).json().get("id").asString(), text);
                socket.send(bob, text, "ws-" + i);
            }
            for (int i = 0; i < TEXTS.size(); i++) {
                String clientId = "ws-" + i;
                JsonNode accepted = socket.await(f -> "accepted".equals(f.path("type").asString())
                        && clientId.equals(f.path("client_id").asString()));
                sent.put(accepted.get("id").asString(), TEXTS.get(i));
            }
        }
        for (String loneSurrogate : List.of("\\ud800", "a\\udfffb")) {
            String body = "{\"text\": \"" + loneSurrogate + "\"}";
            assertThat(Client.call("POST", system.gatewayUrl() + "/dialog/" + bob.id + "/send", alice.token, body).status())
                    .isEqualTo(400);
        }

        JsonNode page = await().atMost(Duration.ofSeconds(30))
                .until(() -> bob.history(alice, "?limit=200").expect(200).json(), p -> p.get("messages").size() >= sent.size());
        Map<String, String> read = new LinkedHashMap<>();
        page.get("messages").forEach(m -> read.put(m.get("id").asString(), m.get("message").asString()));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(sent);
        JsonNode list = alice.otusList(bob).expect(200).json();
        List<String> listed = new ArrayList<>();
        list.forEach(m -> listed.add(m.get("text").asString()));
        assertThat(listed).hasSize(sent.size()).containsExactlyInAnyOrderElementsOf(sent.values());
    }
}
