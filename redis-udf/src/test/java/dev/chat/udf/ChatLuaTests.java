package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.testsupport.TestRedis;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** chat.lua called directly with FCALL / FCALL_RO: argument checks, reply shapes, the stored format. */
class ChatLuaTests {

    private static final LibraryConnection connection = LibraryConnection.open();
    private static final RedisCommands<String, String> redis = connection.sync();

    private final String user = UUID.randomUUID().toString();
    private final String friend = UUID.randomUUID().toString();
    private final String dialog = UUID.randomUUID().toString();
    private final String messages = "messages:" + dialog;
    private final String requests = "{messages:" + dialog + "}:requests";

    @AfterAll
    static void close() {
        connection.close();
    }

    @Test
    void readFunctionsAreFlaggedNoWritesAndWriteFunctionsAreNot() {
        Map<String, Object> library = redis.functionList("chat").get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> functions = (List<Map<String, Object>>) library.get("functions");

        assertThat(functions).hasSize(14);
        for (Map<String, Object> f : functions) {
            boolean read = List.of("get_dialog", "show_messages", "chat_version", "has_message", "show_inbox",
                    "last_messages")
                    .contains(f.get("name"));
            assertThat((List<?>) f.get("flags")).as("%s", f.get("name"))
                    .isEqualTo(read ? List.of("no-writes") : List.of());
        }
    }

    @Test
    void writeFunctionsAreRefusedOverFcallRo() {
        String error = error(() -> redis.fcallReadOnly("make_dialog", ScriptOutputType.MULTI,
                new String[] {dialogKey(user, friend)}, dialog, "n", user));

        assertThat(error).contains("write flag").contains("_ro");
    }

    @Test
    void wrongArgumentCountsGetClearErrors() {
        assertThat(error(() -> redis.fcall("make_dialog", ScriptOutputType.MULTI, new String[] {}, dialog)))
                .startsWith("BADARG chat.make_dialog: wrong number of keys or arguments: got 0 key(s), 1 argument(s)")
                .contains("usage: KEYS dialog:<user>:<friend>");
        assertThat(error(() -> redis.fcall("get_dialog", ScriptOutputType.VALUE, new String[] {"a", "b", "c"})))
                .startsWith("BADARG chat.get_dialog: wrong number of keys or arguments: got 3 key(s), 0 argument(s)");
        assertThat(error(() -> redis.fcall("write_message", ScriptOutputType.MULTI, new String[] {messages}, "x")))
                .startsWith("BADARG chat.write_message: wrong number of keys or arguments: got 1 key(s), 1 argument(s)");
        assertThat(error(() -> redis.fcallReadOnly("show_messages", ScriptOutputType.MULTI, new String[] {messages},
                "older", "10", "123"))).contains("a cursor is two arguments");
        assertThat(error(() -> redis.fcallReadOnly("chat_version", ScriptOutputType.VALUE, new String[] {messages})))
                .startsWith("BADARG chat.chat_version: wrong number");
    }

    @Test
    void claimClientIdNamesTheKeyClientKeyDigestOrTtlItRefuses() {
        String claims = "{" + messages + "}:claims";
        String id = "0190a0b0-2000-7000-8000-000000000005";
        assertThat(claimError(messages, user + ":c", id, "ab12", "1000")).contains("key must be {messages:<dialog_id>}:claims");
        assertThat(claimError(claims, "c", id, "ab12", "1000")).contains("client key must be <author_id>:<client_id>");
        assertThat(claimError(claims, user + ":", id, "ab12", "1000")).contains("client key must be");
        assertThat(claimError(claims, user + ":c", "x", "ab12", "1000")).contains("message id must be a lower-case UUID");
        assertThat(claimError(claims, user + ":c", id, "a b", "1000")).contains("digest must be 1..64 letters or digits");
        assertThat(claimError(claims, user + ":c", id, "ab12", "0")).contains("ttl must be at least 1 ms");
        assertThat(redis.exists(claims)).isZero();
    }

    private String claimError(String key, String clientKey, String id, String digest, String ttl) {
        String error = error(() -> redis.fcall("claim_client_id", ScriptOutputType.MULTI, new String[] {key},
                clientKey, id, digest, ttl));
        assertThat(error).startsWith("BADARG chat.claim_client_id: ");
        return error;
    }

    @Test
    void badValuesAreNamedInTheError() {
        assertThat(makeDialogError(new String[] {"dialog:x:y"}, dialog, "n", user))
                .contains("key must be dialog:<user_id>:<friend_id>");
        assertThat(makeDialogError(new String[] {dialogKey(user, friend), dialogKey(user, friend)}, dialog, "n", user))
                .contains("second key must be the reverse order dialog:" + friend + ":" + user);
        assertThat(makeDialogError(new String[] {dialogKey(user, friend)}, dialog.toUpperCase(), "n", user))
                .contains("dialog_id must be a lower-case UUID");
        assertThat(makeDialogError(new String[] {dialogKey(user, friend)}, dialog, "n", "nobody"))
                .contains("owner_id must be a lower-case UUID");
        assertThat(writeError(new String[] {messages}, id(), user, dialog, "m", "-5")).contains("ts must be epoch milliseconds");
        assertThat(writeError(new String[] {messages}, id(), user, dialog, "m", "0123")).contains("ts must be epoch milliseconds");
        assertThat(writeError(new String[] {"messages:" + UUID.randomUUID()}, id(), user, dialog, "m", "1"))
                .contains("first key must be messages:" + dialog);
        assertThat(show("sideways", "10")).contains("direction must be older or newer");
        assertThat(show("older", "0")).contains("limit must be a positive integer");
        assertThat(show("older", "ten")).contains("limit must be a positive integer");
        assertThat(show("newer", "10", "1", "not-an-id")).contains("cursor id must be a lower-case UUID");
    }

    @Test
    void theRequestsKeyAndClientKeyGoTogetherAndStayInTheMessagesSlot() {
        assertThat(writeError(new String[] {messages, requests}, id(), user, dialog, "m", "1"))
                .contains("the requests key and the client key come together");
        assertThat(writeError(new String[] {messages}, id(), user, dialog, "m", "1", user + ":c"))
                .contains("the requests key and the client key come together");
        assertThat(writeError(new String[] {messages, "requests:" + dialog}, id(), user, dialog, "m", "1", user + ":c"))
                .contains("second key must be " + requests);
        assertThat(writeError(new String[] {messages, requests}, id(), user, dialog, "m", "1", friend + ":c"))
                .contains("client key must be <author_id>:<client_id>");
        assertThat(writeError(new String[] {messages, requests}, id(), user, dialog, "m", "1", user + ":"))
                .contains("client key must be <author_id>:<client_id>");
    }

    @Test
    void makeDialogAnswersCreatedFlagAndDialogJson() {
        List<Object> created = redis.fcall("make_dialog", ScriptOutputType.MULTI,
                new String[] {dialogKey(user, friend), dialogKey(friend, user)}, dialog, "a \"b\"", user);
        List<Object> existing = redis.fcall("make_dialog", ScriptOutputType.MULTI,
                new String[] {dialogKey(friend, user)}, id(), "other", "");
        String json = "{\"id\":\"" + dialog + "\",\"name\":\"a \\\"b\\\"\",\"owner_id\":\"" + user + "\"}";

        assertThat(created).containsExactly(1L, json);
        assertThat(redis.get(dialogKey(user, friend))).isEqualTo(json);
        assertThat(existing.get(0)).isEqualTo(1L); // one key: the reverse order is not looked at
        assertThat((String) existing.get(1)).endsWith("\"owner_id\":null}");
        assertThat((String) redis.fcallReadOnly("get_dialog", ScriptOutputType.VALUE,
                new String[] {dialogKey(user, friend), dialogKey(friend, user)})).isEqualTo(json);
        assertThat((String) redis.fcallReadOnly("get_dialog", ScriptOutputType.VALUE,
                new String[] {dialogKey(user, UUID.randomUUID().toString())})).isNull();
    }

    @Test
    void storesMembersWithIdFirstInAFixedFieldOrder() {
        String id = id();
        List<Object> reply = write(new String[] {messages}, id, user, dialog, "ü \"q\"\n", "1718000000000");

        assertThat(reply).containsExactly(1L, id);
        assertThat(redis.zrangeWithScores(messages, 0, -1)).singleElement().satisfies(m -> {
            assertThat(m.getScore()).isEqualTo(1718000000000d);
            assertThat(m.getValue()).isEqualTo("{\"id\":\"" + id + "\",\"author_id\":\"" + user + "\",\"chat_id\":\""
                    + dialog + "\",\"message\":\"ü \\\"q\\\"\\n\",\"ts\":1718000000000}");
        });
    }

    @Test
    void remembersClientKeysForADayAfterTheLastWrite() {
        String first = id();
        write(new String[] {messages, requests}, first, user, dialog, "m", "1", user + ":c1");
        redis.pexpire(requests, 1000);

        List<Object> retry = write(new String[] {messages, requests}, id(), user, dialog, "m", "2", user + ":c1");
        List<Object> next = write(new String[] {messages, requests}, id(), user, dialog, "m", "3", user + ":c2");

        assertThat(retry).containsExactly(0L, first);
        assertThat(next.get(0)).isEqualTo(1L);
        assertThat(redis.pttl(requests)).isGreaterThan(86_000_000L).isLessThanOrEqualTo(86_400_000L);
        assertThat(redis.hget(requests, user + ":c1")).isEqualTo(first);
        assertThat(redis.zcard(messages)).isEqualTo(2);
    }

    @Test
    void startsTheRequestsHashOverWhenItHoldsTenThousandClientKeys() {
        for (int i = 0; i < 10_000; i++) {
            redis.hset(requests, user + ":old" + i, id());
        }

        write(new String[] {messages, requests}, id(), user, dialog, "m", "1", user + ":new");

        assertThat(redis.hlen(requests)).isEqualTo(1);
        assertThat(redis.hexists(requests, user + ":new")).isTrue();
    }

    @Test
    void clampsTheLimitToOneThousand() {
        for (int i = 0; i < 1005; i++) {
            redis.zadd(messages, i, "{\"id\":\"" + new UUID(i, i) + "\"}");
        }

        List<Object> page = redis.fcallReadOnly("show_messages", ScriptOutputType.MULTI, new String[] {messages},
                "newer", "5000");

        assertThat(page).hasSize(1001);
        assertThat(page.get(1000)).isEqualTo(1L);
    }

    @Test
    void findsItsPlaceInALongSameMillisecondRunByBinarySearch() {
        for (int i = 0; i < 1000; i++) {
            write(new String[] {messages}, new UUID(0x0190a0b0_0000_7000L + i, 0x8000_0000_0000_0000L).toString(), user,
                    dialog, "burst " + i, "1718000000000");
        }
        String middle = new UUID(0x0190a0b0_0000_7000L + 500, 0x8000_0000_0000_0000L).toString();
        long before = LocalRedis.calls(TestRedis.uri(), "zrange");

        List<Object> again = write(new String[] {messages}, middle, user, dialog, "burst 500", "1718000000000");
        List<Object> page = redis.fcallReadOnly("show_messages", ScriptOutputType.MULTI, new String[] {messages},
                "older", "2", "1718000000000", middle);

        assertThat(again).containsExactly(0L, middle);
        assertThat(page).hasSize(3);
        assertThat((String) page.get(0)).contains("\"burst 499\"");
        assertThat((String) page.get(1)).contains("\"burst 498\"");
        // a scan of the run, ~11 probes per binary search, the page itself: nothing linear in 1000
        assertThat(LocalRedis.calls(TestRedis.uri(), "zrange") - before).isLessThan(30);
    }

    @Test
    void redisErrorsKeepTheirOwnCode() {
        redis.set(messages, "not a zset");

        assertThat(show("older", "10")).startsWith("WRONGTYPE");
    }

    @Test
    void chatVersionAnswersTheBundledVersion() {
        assertThat((String) redis.fcallReadOnly("chat_version", ScriptOutputType.VALUE))
                .isEqualTo(FunctionLibrary.bundled().version());
    }

    private static String dialogKey(String a, String b) {
        return "dialog:" + a + ":" + b;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static List<Object> write(String[] keys, String... args) {
        return redis.fcall("write_message", ScriptOutputType.MULTI, keys, args);
    }

    private static String writeError(String[] keys, String... args) {
        return error(() -> write(keys, args));
    }

    private static String makeDialogError(String[] keys, String... args) {
        return error(() -> redis.fcall("make_dialog", ScriptOutputType.MULTI, keys, args));
    }

    private String show(String... args) {
        return error(() -> redis.fcallReadOnly("show_messages", ScriptOutputType.MULTI, new String[] {messages}, args));
    }

    private static String error(Runnable call) {
        RedisCommandExecutionException e = catchThrowableOfType(RedisCommandExecutionException.class, call::run);
        assertThat(e).as("an error reply").isNotNull();
        return e.getMessage();
    }
}
