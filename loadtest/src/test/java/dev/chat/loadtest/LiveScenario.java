package dev.chat.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.chat.loadtest.run.AcceptedLog;
import dev.chat.loadtest.run.RunRecorder;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;

/**
 * The WebSocket side (gateway {@code /ws}, docs/websocket.md), light next to the HTTP load: a few pairs of seeded
 * friends, the recipient connected and listening, the sender sending one frame a second. Recorded per stage:
 * {@code ws-send} (send frame → {@code accepted} frame) and {@code push}: a {@code message} frame's arrival at a
 * connected recipient minus its {@code ts} (the gateway's acceptance), i.e. accepted → pushed, for every message
 * of the recipient's dialogs, the HTTP users' included. Recipients keep listening {@code drainSeconds} after
 * the run, because a writer that lags pushes late; {@code ws.sent} / {@code ws.pushed} count the senders' messages
 * and those of them that reached their recipient by then. Each {@code accepted} frame goes to the accepted log.
 */
final class LiveScenario {

    private static final Pattern MESSAGE_TS = Pattern.compile("\"type\":\"message\".*\"ts\":(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern DIALOG_ID = Pattern.compile("\"dialog_id\":\"([0-9a-f-]{36})\"");
    private static final Pattern TS = Pattern.compile("\"ts\":(\\d+)");

    /** Ids of messages the senders had accepted and their recipient has not been pushed yet. */
    private final Set<String> awaitingPush = ConcurrentHashMap.newKeySet();

    private final RunRecorder recorder;
    private final AcceptedLog accepted;
    private final String wsUrl;
    private final List<Map<String, Object>> pairs;

    LiveScenario(RunRecorder recorder, AcceptedLog accepted, String gatewayUrl, Path usersCsv, int pairCount) throws IOException {
        this.recorder = recorder;
        this.accepted = accepted;
        this.wsUrl = gatewayUrl.replaceFirst("^http", "ws") + "/ws";
        this.pairs = pairs(usersCsv, pairCount);
    }

    /** Senders are every other user from the top of the file, each with the next user on the ring (a friend). */
    private static List<Map<String, Object>> pairs(Path usersCsv, int count) throws IOException {
        List<String[]> rows = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        List<String> lines = Files.readAllLines(usersCsv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.add(f);
            tokens.put(f[0], f[2]);
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < count && 2 * i < rows.size(); i++) {
            String[] sender = rows.get(2 * i);
            String recipient = sender[3].split(" ")[0];
            pairs.add(Map.of("sender_token", sender[2], "recipient_id", recipient, "recipient_token", tokens.get(recipient)));
        }
        return pairs;
    }

    List<PopulationBuilder> populations(int seconds, int drainSeconds) {
        var listeners = scenario("websocket recipients").feed(listFeeder(pairs).circular())
                .exec(session -> begin(session).set("deadline", recorder.runEndMs() + drainSeconds * 1000L))
                .exec(ws("connect recipient", "listen").connect(wsUrl).header("Authorization", "Bearer #{recipient_token}"))
                .asLongAs(this::running).on(pause(1).exec(ws.processUnmatchedMessages("listen", this::pushes)))
                .exec(ws.processUnmatchedMessages("listen", this::pushes))
                .exec(ws("close recipient", "listen").close());
        var senders = scenario("websocket senders").feed(listFeeder(pairs).circular())
                .exec(this::begin)
                .exec(ws("connect sender", "talk").connect(wsUrl).header("Authorization", "Bearer #{sender_token}"))
                .pause(2)
                .asLongAs(this::running).on(
                        exec(session -> session.set("ws_t0", System.currentTimeMillis()).set("client_id", UUID.randomUUID().toString()))
                                .exec(ws("ws send", "talk").sendText(LiveScenario::frame).await(Duration.ofSeconds(10))
                                        .on(ws.checkTextMessage("accepted").matching(substring("\"type\":\"accepted\""))
                                                .check(substring("#{client_id}"), regex(ID.pattern()).saveAs("ws_id"),
                                                        regex(DIALOG_ID.pattern()).saveAs("ws_dialog"),
                                                        regex(TS.pattern()).saveAs("ws_ts"))))
                                .exec(this::sent)
                                .pause(1))
                .exec(ws("close sender", "talk").close());
        var protocol = http.wsUnmatchedInboundMessageBufferSize(100_000);
        return List.of(listeners.injectClosed(constantConcurrentUsers(pairs.size()).during(seconds)).protocols(protocol),
                senders.injectClosed(constantConcurrentUsers(pairs.size()).during(seconds)).protocols(http));
    }

    private Session begin(Session session) {
        recorder.startIfUnset(System.currentTimeMillis());
        return session.set("deadline", recorder.runEndMs());
    }

    private boolean running(Session session) {
        return System.currentTimeMillis() < session.getLong("deadline");
    }

    private static String frame(Session session) {
        return "{\"type\":\"send\",\"to\":\"" + session.getString("recipient_id") + "\",\"text\":\"ws " + Messages.random()
                + "\",\"client_id\":\"" + session.getString("client_id") + "\"}";
    }

    private Session sent(Session session) {
        long t0 = session.getLong("ws_t0");
        long now = System.currentTimeMillis();
        recorder.record("ws-send", t0, now - t0, session.isFailed() ? "no accepted frame within 10 s" : null);
        if (!session.isFailed()) {
            recorder.count("ws.sent");
            awaitingPush.add(session.getString("ws_id"));
            accepted.add(session.getString("ws_id"), session.getString("ws_dialog"),
                    Long.parseLong(session.getString("ws_ts")), "ws");
        }
        return session.markAsSucceeded().remove("ws_id").remove("ws_dialog").remove("ws_ts");
    }

    private Session pushes(List<WsInboundMessage> messages, Session session) {
        for (WsInboundMessage m : messages) {
            if (m instanceof WsInboundMessage.Text text) {
                Matcher ts = MESSAGE_TS.matcher(text.message());
                if (ts.find()) {
                    long accepted = Long.parseLong(ts.group(1));
                    recorder.record("push", accepted, text.timestamp() - accepted, null);
                    Matcher id = ID.matcher(text.message());
                    if (id.find() && awaitingPush.remove(id.group(1))) {
                        recorder.count("ws.pushed");
                    }
                }
            }
        }
        return session;
    }
}
