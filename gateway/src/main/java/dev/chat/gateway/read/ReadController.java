package dev.chat.gateway.read;

import java.util.UUID;

import dev.chat.gateway.read.ReadApi.ReadAccepted;
import dev.chat.gateway.read.ReadApi.ReadRequest;
import dev.chat.gateway.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read markers. 202: Kafka has the command, the writer moves the marker shortly and pushes a {@code read} receipt to
 * both users' sessions. The body is validated by {@link ReadService#read}'s own constraints, so HTTP and the
 * WebSocket's {@code read} frame are checked once and alike.
 */
@RestController
class ReadController {

    private final ReadService reads;

    ReadController(ReadService reads) {
        this.reads = reads;
    }

    @PostMapping("/api/v1/dialogs/{friend_id}/read")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadAccepted read(Caller caller, @PathVariable("friend_id") UUID friendId, @RequestBody ReadRequest request) {
        return reads.read(caller.id(), friendId, request); // validated there, the same for the WebSocket
    }
}
