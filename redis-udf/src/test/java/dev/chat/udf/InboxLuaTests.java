package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The inbox functions of chat.lua called directly: key discipline, argument checks, the stored layout. */
class InboxLuaTests {

    private static final LibraryConnection connection = LibraryConnection.open();
    private static final RedisCommands<String, String> redis = connection.sync();

    private final UUID user = UUID.randomUUID();
    private final UUID friend = UUID.randomUUID();
    private final String dialog = UUID.randomUUID().toString();
    private final String messages = "messages:" + dialog;

    @AfterAll
    static void close() {
        connection.close();
    }

    @Test
    void inboxKeysMustBeOneUsersThreeKeys() {
        String[] mixed = {RedisKeys.inbox(user), RedisKeys.inboxDialogs(friend), RedisKeys.inboxUnread(user)};
        assertThat(error("inbox_message", mixed, dialog, friend.toString(), "n", id(), user.toString(), "1"))
                .startsWith("BADARG chat.inbox_message: key 2 must be " + RedisKeys.inboxDialogs(user));
        String[] notInbox = {messages, RedisKeys.inboxDialogs(user), RedisKeys.inboxUnread(user)};
        assertThat(error("inbox_message", notInbox, dialog, friend.toString(), "n", id(), user.toString(), "1"))
                .contains("key 1 must be inbox:<user_id>");
    }

    @Test
    void aMessageMustBeByTheOwnerOrTheFriend() {
        assertThat(error("inbox_message", userKeys(user), dialog, friend.toString(), "n", id(), id(), "1"))
                .contains("author_id must be the inbox owner or the friend");
        assertThat(error("inbox_message", userKeys(user), dialog, user.toString(), "n", id(), user.toString(), "1"))
                .contains("friend_id must not be the inbox owner");
    }

    @Test
    void writeInboxMessageRefusesInboxesOfOtherUsers() {
        UUID stranger = UUID.randomUUID();
        List<String> keys = new ArrayList<>(List.of(messages, "{" + messages + "}:requests"));
        keys.addAll(Arrays.asList(userKeys(user)));
        keys.addAll(Arrays.asList(userKeys(stranger)));

        assertThat(error("write_inbox_message", keys.toArray(String[]::new), id(), user.toString(), dialog, "m", "1", "",
                friend.toString(), "n")).contains("keys 6..8 must be inbox:" + friend);
        assertThat(redis.exists(messages)).as("nothing written").isZero();
    }

    @Test
    void keepsNoCopyOfTheMessageAndMarkersAsPositions() {
        String id = "0190a0b0-1000-7000-8000-000000000001";
        redis.fcall("inbox_message", ScriptOutputType.INTEGER, userKeys(user), dialog, friend.toString(), "name",
                id, friend.toString(), "1718000000000");
        redis.fcall("inbox_read", ScriptOutputType.MULTI, userKeys(user), dialog, "1718000000000", id);

        String dialogs = RedisKeys.inboxDialogs(user);
        assertThat(redis.hkeys(dialogs)).containsExactlyInAnyOrder(dialog, dialog + ":read");
        assertThat(redis.hget(dialogs, dialog)).isEqualTo(friend + " name");
        assertThat(redis.hget(dialogs, dialog + ":read")).isEqualTo("001718000000000:" + id);
        assertThat(redis.zscore(RedisKeys.inbox(user), dialog)).isEqualTo(1718000000000.0);
        assertThat(redis.zcard(RedisKeys.inboxUnread(user))).as("read, so no longer unread").isZero();
    }

    @Test
    void aMessageWrittenAfterTheReadThatCoversItStaysUncounted() {
        String older = "0190a0b0-1000-7000-8000-000000000001";
        String newer = "0190a0b0-2000-7000-8000-000000000002";
        redis.fcall("inbox_read", ScriptOutputType.MULTI, userKeys(user), dialog, "1718000000002", newer);
        redis.fcall("inbox_message", ScriptOutputType.INTEGER, userKeys(user), dialog, friend.toString(), "name",
                older, friend.toString(), "1718000000001");

        List<Object> page = redis.fcallReadOnly("show_inbox", ScriptOutputType.MULTI, userKeys(user), "10");
        assertThat(page.get(5)).as("unread: the entry lies before the marker").isEqualTo(0L);
        assertThat(redis.zcard(RedisKeys.inboxUnread(user))).as("kept until the next read").isOne();
    }

    @Test
    void lastMessagesAnswersEachDialogsNewestMemberOrNil() {
        redis.zadd(messages, 2, "{\"id\":\"b\"}");
        redis.zadd(messages, 1, "{\"id\":\"a\"}");
        String empty = "messages:" + UUID.randomUUID();

        List<Object> last = redis.fcallReadOnly("last_messages", ScriptOutputType.MULTI, new String[] {messages, empty});
        assertThat(last).containsExactly("{\"id\":\"b\"}", null);
        assertThat(readError("last_messages", new String[] {"inbox:" + user})).contains("key 1 must be messages:<dialog_id>");
    }

    @Test
    void aCursorIsTwoArgumentsAndTheLimitAtMostAThousand() {
        assertThat(readError("show_inbox", userKeys(user), "10", "1")).contains("a cursor is two arguments");
        assertThat(readError("show_inbox", userKeys(user), "1001")).contains("limit must be 1..1000");
        assertThat(readError("show_inbox", userKeys(user), "0")).contains("limit must be 1..1000");
        assertThat(readError("has_message", new String[] {messages}, "1", "x")).contains("message id must be a lower-case UUID");
    }

    private static String[] userKeys(UUID owner) {
        return new String[] {RedisKeys.inbox(owner), RedisKeys.inboxDialogs(owner), RedisKeys.inboxUnread(owner)};
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String error(String function, String[] keys, String... args) {
        return errorOf(() -> redis.fcall(function, ScriptOutputType.MULTI, keys, args));
    }

    private static String readError(String function, String[] keys, String... args) {
        return errorOf(() -> redis.fcallReadOnly(function, ScriptOutputType.MULTI, keys, args));
    }

    private static String errorOf(Runnable call) {
        RedisCommandExecutionException e = catchThrowableOfType(RedisCommandExecutionException.class, call::run);
        assertThat(e).as("an error reply").isNotNull();
        return e.getMessage();
    }
}
