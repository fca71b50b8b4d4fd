package dev.chat.gateway.message;

import java.util.UUID;

import dev.chat.gateway.message.MessageApi.MessageAccepted;
import dev.chat.gateway.message.MessageApi.OtusSendRequest;
import dev.chat.gateway.message.MessageApi.SendMessageRequest;
import dev.chat.gateway.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sending messages. 202 on v1 (accepted: Kafka has it, the writer stores it shortly), 200 on the OTUS path,
 * which also creates the dialog on the first send to an existing user. The v1 body is validated by
 * {@link MessageService#send}'s own constraints, not here, so HTTP and WebSocket are checked once and alike.
 */
@RestController
class MessageController {

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @PostMapping("/api/v1/dialogs/{friend_id}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MessageAccepted send(Caller caller, @PathVariable("friend_id") UUID friendId, @RequestBody SendMessageRequest request) {
        return messages.send(caller.id(), friendId, request); // validated there, the same for the WebSocket
    }

    @PostMapping("/dialog/{user_id}/send")
    MessageAccepted otusSend(Caller caller, @PathVariable("user_id") UUID userId, @Valid @RequestBody OtusSendRequest request) {
        return messages.sendOpeningDialog(caller.id(), userId, request.text());
    }
}
