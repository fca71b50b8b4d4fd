package dev.chat.udf;

/** The functions of the {@code chat} library (chat.lua), by their Redis names. */
enum ChatFunction {
    MAKE_DIALOG("make_dialog"),
    GET_DIALOG("get_dialog"),
    WRITE_MESSAGE("write_message"),
    SHOW_MESSAGES("show_messages"),
    CLAIM_CLIENT_ID("claim_client_id"),
    CHAT_VERSION("chat_version");

    private final String redisName;

    ChatFunction(String redisName) {
        this.redisName = redisName;
    }

    String redisName() {
        return redisName;
    }
}
