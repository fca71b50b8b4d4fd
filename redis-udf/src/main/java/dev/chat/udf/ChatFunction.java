package dev.chat.udf;

/** The functions of the {@code chat} library (chat.lua), by their Redis names. */
enum ChatFunction {
    MAKE_DIALOG("make_dialog"),
    GET_DIALOG("get_dialog"),
    WRITE_MESSAGE("write_message"),
    SHOW_MESSAGES("show_messages"),
    CLAIM_CLIENT_ID("claim_client_id"),
    CHAT_VERSION("chat_version"),
    // the inbox (issue #14)
    INBOX_ENTER("inbox_enter"),
    INBOX_MESSAGE("inbox_message"),
    WRITE_INBOX_MESSAGE("write_inbox_message"),
    INBOX_READ("inbox_read"),
    INBOX_FRIEND_READ("inbox_friend_read"),
    HAS_MESSAGE("has_message"),
    SHOW_INBOX("show_inbox"),
    LAST_MESSAGES("last_messages");

    private final String redisName;

    ChatFunction(String redisName) {
        this.redisName = redisName;
    }

    String redisName() {
        return redisName;
    }
}
