package dev.chat.gateway.live;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.MessageEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fan-out: this gateway reads every message event (its own consumer group, see
 * {@code KafkaConfig#messageEventContainerFactory}) and pushes it to its local sessions of the two participants:
 * {@code WRITTEN} as a {@code message} frame to every session of both, {@code REJECTED} as an {@code error} frame to
 * the author's, {@code READ} as a {@code read} receipt to every session of both (the reader is the event's author).
 * Pushing only queues frames ({@link ChatSession#push}), so a slow client never holds this thread.
 *
 * <p>Under load almost no event concerns a session here: the record's headers ({@link MessageEventHeaders}) name
 * its two users, and an event neither of whom is connected here is dropped before its JSON is parsed. Records
 * without them (from a writer older than the headers) are parsed and then looked up as before.
 *
 * <p>The writer publishes another {@code WRITTEN} for a redelivered command, and another {@code READ} for every
 * delivery of a read command; events already pushed (by type, message id and author: for a receipt that is the
 * user who read, and two users may read the same message; remembered for a while) are dropped, so a client sees
 * each message and each receipt once. Events skipped unparsed are not remembered: a later copy is pushed if one of
 * the users has connected here meanwhile.
 */
@Component
class MessageEventListener {

    static final String ID = "message-events-fanout";

    /** The writer may add event fields before this gateway knows them: ignore those, do not fail. */
    private static final ObjectReader EVENTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readerFor(MessageEvent.class);

    private record Seen(MessageEvent.Type type, UUID messageId, UUID authorId) {
    }

    private final SessionRegistry sessions;
    private final Frames frames;
    private final Cache<Seen, Boolean> pushed = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    MessageEventListener(SessionRegistry sessions, JsonMapper json) {
        this.sessions = sessions;
        this.frames = new Frames(json);
    }

    /** A value that is not an event throws here: the container's error handler logs and skips it. */
    @KafkaListener(id = ID, idIsGroup = false, topics = "${chat.kafka.topics.message-events}",
            containerFactory = "messageEventContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() != null && mayConcernSessionsHere(record.headers())) {
            push(EVENTS.readValue(record.value()));
        }
    }

    /** False only when the headers name the users and none of them is connected here. */
    private boolean mayConcernSessionsHere(Headers headers) {
        UUID author = userId(headers, MessageEventHeaders.AUTHOR);
        if (author == null) {
            return true; // a writer without the headers: only the event itself can tell
        }
        UUID recipient = userId(headers, MessageEventHeaders.RECIPIENT);
        return !sessions.sessionsOf(author).isEmpty() || recipient != null && !sessions.sessionsOf(recipient).isEmpty();
    }

    private static UUID userId(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : MessageEventHeaders.decode(header.value());
    }

    private void push(MessageEvent event) {
        if (event == null || event.type() == null || event.messageId() == null || event.authorId() == null
                || pushed.asMap().putIfAbsent(new Seen(event.type(), event.messageId(), event.authorId()),
                        Boolean.TRUE) != null) {
            return;
        }
        switch (event.type()) {
            case WRITTEN -> written(event);
            case REJECTED -> rejected(event);
            case READ -> read(event);
        }
    }

    private void written(MessageEvent event) {
        var authors = sessions.sessionsOf(event.authorId());
        if (!authors.isEmpty()) {
            TextMessage toAuthor = frames.text(Frames.Message.of(event, true));
            authors.forEach(session -> session.push(toAuthor));
        }
        if (event.recipientId() == null || event.recipientId().equals(event.authorId())) {
            return;
        }
        var recipients = sessions.sessionsOf(event.recipientId());
        if (!recipients.isEmpty()) {
            TextMessage toRecipient = frames.text(Frames.Message.of(event, false));
            recipients.forEach(session -> session.pushToRecipient(toRecipient, event.ts()));
        }
    }

    /** The friend sees the receipt; the reader's other sessions learn the dialog is read. */
    private void read(MessageEvent event) {
        TextMessage receipt = frames.text(Frames.Receipt.of(event));
        sessions.sessionsOf(event.authorId()).forEach(session -> session.push(receipt));
        if (event.recipientId() != null && !event.recipientId().equals(event.authorId())) {
            sessions.sessionsOf(event.recipientId()).forEach(session -> session.push(receipt));
        }
    }

    private void rejected(MessageEvent event) {
        var authors = sessions.sessionsOf(event.authorId());
        if (authors.isEmpty()) {
            return;
        }
        String reason = event.reason() == null ? "rejected" : event.reason();
        TextMessage error = frames.text(new Frames.Error("error", event.clientId(), reason, "message " + event.messageId()
                + " was accepted but not stored (" + reason + "); it will not be delivered", event.messageId()));
        authors.forEach(session -> session.push(error));
    }
}
