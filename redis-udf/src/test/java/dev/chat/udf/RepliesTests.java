package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Members as chat.lua writes them (cjson-encoded text) come back exactly; anything else is a clear error. */
class RepliesTests {

    private final UUID id = UUID.randomUUID();
    private final UUID author = UUID.randomUUID();
    private final UUID chat = UUID.randomUUID();

    private String member(String encodedText) {
        return "{\"id\":\"" + id + "\",\"author_id\":\"" + author + "\",\"chat_id\":\"" + chat + "\",\"message\":"
                + encodedText + ",\"ts\":1732406400123}";
    }

    @Test
    void readsAMemberWithEscapesAndNonAsciiText() {
        ChatMessage message = Replies.message(member("\"say \\\"hi\\\"\\n\\/ \\u00e9 👋\""));

        assertThat(message).isEqualTo(new ChatMessage(id, author, chat, "say \"hi\"\n/ é 👋", 1732406400123L));
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndTheirOrder() {
        String json = "{\"ts\":5,\"extra\":{\"a\":[1,2]},\"message\":\"m\",\"chat_id\":\"" + chat + "\",\"author_id\":\""
                + author + "\",\"id\":\"" + id + "\"}";

        assertThat(Replies.message(json)).isEqualTo(new ChatMessage(id, author, chat, "m", 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"id\":1}", "null", "{\"id\":\"x\",\"author_id\":\"y\"}"})
    void rejectsWhatIsNotAMember(String json) {
        assertThatThrownBy(() -> Replies.message(json)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void rejectsAMemberWithoutTsOrWithATextTs() {
        String noTs = member("\"m\"").replace(",\"ts\":1732406400123", "");
        String textTs = member("\"m\"").replace("1732406400123", "\"1732406400123\"");

        assertThatThrownBy(() -> Replies.message(noTs)).hasMessageContaining("malformed message");
        assertThatThrownBy(() -> Replies.message(textTs)).hasMessageContaining("malformed message");
    }

    @Test
    void rejectsAnIdThatIsNotAUuid() {
        assertThatThrownBy(() -> Replies.message(member("\"m\"").replace(id.toString(), "not-a-uuid")))
                .hasMessageContaining("malformed message");
    }
}
