package dev.chat.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.chat.loadtest.profile.Profile;
import dev.chat.loadtest.run.AcceptedLog;
import dev.chat.loadtest.run.ProgressPrinter;
import dev.chat.loadtest.run.RunRecorder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The customer's load test: closed-model users, each acting as a seeded user (a row of the seed's CSV, its
 * pre-minted token: no logins during the run), looping without think time over "read a dialog" (reader,
 * {@code GET /dialog/{friend}/list}), "send a message" (gateway, {@code POST /dialog/{friend}/send}) and
 * "read" again: reads and writes 2:1, a random friend of the user per round. Apart from the profile, a user also
 * fetches its dialog list ({@code GET /api/v1/dialogs}) on its first round and then on about one round in
 * {@code loadtest.dialogs.every} (20; 0: never), reported apart as {@code dialogs}. A warm-up stage comes first
 * and is reported apart (Gatling group {@code warm-up}; left out of every figure of {@code results.json}).
 *
 * <p>Beside it, unless {@code loadtest.websocket.pairs} is 0, the light WebSocket scenario ({@link LiveScenario}).
 *
 * <p>Every send the gateway accepts (its answer's id, dialog id and ts), warm-up and WebSocket included, goes to
 * {@code accepted.tsv} beside {@code results.json} ({@link AcceptedLog}): the delivery check looks each one up in
 * the store after the run.
 *
 * <p>System properties: {@code loadtest.profile} (full|short), {@code loadtest.users} (the seed CSV),
 * {@code loadtest.gateway}, {@code loadtest.reader} (base URLs), {@code loadtest.out} (results.json),
 * {@code loadtest.websocket.pairs}.
 */
public class ChatSimulation extends Simulation {

    private static final Profile PROFILE = Profile.named(System.getProperty("loadtest.profile", "short"));
    private static final String USERS = System.getProperty("loadtest.users", "../.run/seed/users.csv");
    private static final String GATEWAY = System.getProperty("loadtest.gateway", "http://127.0.0.1:8080");
    private static final String READER = System.getProperty("loadtest.reader", "http://127.0.0.1:8081");
    private static final Path OUT = Path.of(System.getProperty("loadtest.out", "target/loadtest/results.json"));
    /** Pairs of WebSocket users (0: no WebSocket scenario, e.g. a gateway without /ws). */
    private static final int WS_PAIRS = Integer.getInteger("loadtest.websocket.pairs", PROFILE.name().equals("full") ? 10 : 5);

    /**
     * One round in this many also fetches the dialog list (0: never). It is not in the customer's profile: the report
     * lists it apart, beside read and send (issue #14).
     */
    private static final int DIALOGS_EVERY = Integer.getInteger("loadtest.dialogs.every", 20);

    private final RunRecorder recorder = new RunRecorder(PROFILE, List.of("read", "send", "dialogs", "ws-send", "push"));
    private final AcceptedLog accepted = openAcceptedLog();
    private ProgressPrinter progress;

    private final HttpProtocolBuilder protocol = http
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("chat-loadtest (Gatling)")
            .header("Authorization", "Bearer #{token}");

    private final ChainBuilder read = measured("read", http("read").get(READER + "/dialog/#{friend}/list"));

    private final ChainBuilder send = measured("send", http("send").post(GATEWAY + "/dialog/#{friend}/send")
            .body(StringBody(session -> "{\"text\":\"" + Messages.random() + "\"}"))
            .check(bodyString().saveAs("body")));

    private final ChainBuilder dialogs = measured("dialogs", http("dialogs").get(READER + "/api/v1/dialogs?limit=20"));

    private final ScenarioBuilder chat = scenario("chat")
            .feed(csv(USERS).circular())
            .exec(this::begin)
            .asLongAs(session -> System.currentTimeMillis() < session.getLong("deadline")).on(
                    exec(session -> session.set("friend", randomFriend(session)))
                            .group(session -> recorder.stageLabel(System.currentTimeMillis())).on(
                                    doIf(ChatSimulation::listsDialogs).then(exec(dialogs).exec(s -> s.set("listed", true))),
                                    read, send, read))
            .exec(session -> {
                recorder.userStopped();
                return session;
            });

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(chat.injectClosed(Injection.closedSteps(PROFILE)).protocols(protocol));
        if (WS_PAIRS > 0) {
            try {
                populations.addAll(new LiveScenario(recorder, accepted, GATEWAY, Path.of(USERS), WS_PAIRS)
                        .populations(PROFILE.end(), PROFILE.name().equals("full") ? 60 : 30));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        setUp(populations).assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        System.out.printf("loadtest: profile %s, %d stages after a %d s warm-up, %d s in all; gateway %s, reader %s, users %s%n",
                PROFILE.name(), PROFILE.stages().size(), PROFILE.warmup().seconds(), PROFILE.end(), GATEWAY, READER, USERS);
        progress = new ProgressPrinter(recorder, "loadtest", PROFILE.name().equals("full") ? 5 : 2);
    }

    @Override
    public void after() {
        progress.close();
        try {
            accepted.close();
            recorder.results().write(OUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("loadtest: results in %s; %,d accepted messages in %s%n", OUT.toAbsolutePath(), accepted.count(),
                AcceptedLog.beside(OUT));
    }

    private static AcceptedLog openAcceptedLog() {
        try {
            return AcceptedLog.create(AcceptedLog.beside(OUT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Session begin(Session session) {
        long now = System.currentTimeMillis();
        recorder.startIfUnset(now);
        recorder.userStarted();
        return session.set("deadline", recorder.deadlineFor(now))
                .set("friends", session.getString("friend_ids").split(" "));
    }

    /** The first round of each user, then about one in {@link #DIALOGS_EVERY}. */
    private static boolean listsDialogs(Session session) {
        if (DIALOGS_EVERY <= 0) {
            return false;
        }
        boolean first = !session.contains("listed");
        return first || ThreadLocalRandom.current().nextInt(DIALOGS_EVERY) == 0;
    }

    private static String randomFriend(Session session) {
        String[] friends = session.get("friends");
        return friends[ThreadLocalRandom.current().nextInt(friends.length)];
    }

    /**
     * The request, then its outcome into the recorder: latency as Gatling measured it, or why it failed. A send
     * answered 200 goes to the accepted log; one whose answer names no message counts as failed, since the
     * delivery check could not follow it.
     */
    private ChainBuilder measured(String operation, HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs("rt"), status().saveAs("status"), status().is(200)))
                .exec(session -> {
                    long now = System.currentTimeMillis();
                    boolean answered = session.contains("rt") && session.contains("status");
                    long rt = answered ? session.getLong("rt") : 0;
                    int status = answered ? session.getInt("status") : 0;
                    String error = !answered ? "no response" : status == 200 ? null : "status " + status;
                    if (error == null && session.contains("body") && !accepted.addAnswer(session.getString("body"), "http")) {
                        error = "status 200 without a message id";
                    }
                    recorder.record(operation, now - rt, rt, error);
                    return session.remove("rt").remove("status").remove("body");
                });
    }
}
