package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import dev.chat.common.command.SendMessageCommand;
import dev.chat.writer.Commands;
import dev.chat.writer.system.InvalidCommandException;
import org.junit.jupiter.api.Test;

class SendMessageCommandValidatorTests {

    private final SendMessageCommandValidator validator = new SendMessageCommandValidator();
    private final SendMessageCommand valid = Commands.send(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "hi");

    @Test
    void acceptsACompleteCommand() {
        assertThatCode(() -> validator.validateObject(valid)).doesNotThrowAnyException();
    }

    @Test
    void rejectsMissingIdsAndTextNamingEachField() {
        SendMessageCommand empty = new SendMessageCommand(null, null, null, null, null, 0, null);

        assertThatThrownBy(() -> validator.validateObject(empty)).isInstanceOf(InvalidCommandException.class)
                .hasMessageContainingAll("messageId", "dialogId", "authorId", "recipientId", "text", "ts");
    }

    @Test
    void rejectsAClientIdTheStoreWouldRefuse() {
        SendMessageCommand longClientId = new SendMessageCommand(valid.messageId(), valid.dialogId(), valid.authorId(),
                valid.recipientId(), valid.text(), valid.ts(), "x".repeat(201));

        assertThatThrownBy(() -> validator.validateObject(longClientId)).hasMessageContaining("clientId");
    }

    @Test
    void rejectsAMessageToOneself() {
        SendMessageCommand toSelf = new SendMessageCommand(valid.messageId(), valid.dialogId(), valid.authorId(),
                valid.authorId(), valid.text(), valid.ts(), null);

        assertThatThrownBy(() -> validator.validateObject(toSelf)).isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("recipientId");
    }
}
