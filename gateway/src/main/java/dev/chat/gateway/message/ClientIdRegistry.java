package dev.chat.gateway.message;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.gateway.message.MessageApi.MessageAccepted;

/**
 * Makes a send with a {@code client_id} idempotent on this gateway: per (author, client_id) the first request
 * fixes the command (message id, ts) and every later or concurrent request with the same pair waits for that
 * command's one publication and answers the same. If a publication fails, the next request publishes the SAME
 * command again (same message id), so a publication that did reach Kafka despite the error stays one message.
 *
 * <p>Bounded and TTL'd: an answer is remembered for {@code chat.messages.client-id-ttl} after the first request.
 * A retry that lands on another gateway instance, or after the entry expired or was evicted, gets a new message
 * id; the writer's {@code write_message} still stores one message per (dialog, author, client_id) and drops the
 * retry, but that client is then told an id that is not the stored one (the residual window).
 *
 * <p>Thread-safe.
 */
final class ClientIdRegistry {

    private record Key(UUID authorId, String clientId) {
    }

    /** One (author, client_id): its command and its current publication attempt. */
    static final class Entry {
        private final SendMessageCommand command;
        private CompletableFuture<?> publication; // guarded by this

        Entry(SendMessageCommand command) {
            this.command = command;
        }

        SendMessageCommand command() {
            return command;
        }

        /** The publication in flight or done; a new one when there is none yet or the last one failed. */
        synchronized CompletableFuture<?> publication(Function<SendMessageCommand, CompletableFuture<?>> publisher) {
            if (publication == null || publication.isCompletedExceptionally()) {
                publication = Objects.requireNonNull(publisher.apply(command), "publication");
            }
            return publication;
        }
    }

    private final Cache<Key, Entry> entries;

    ClientIdRegistry(MessageProperties properties) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(properties.clientIdTtl())
                .maximumSize(properties.clientIdMaxEntries())
                .build();
    }

    /**
     * The send of {@code candidate}'s (author, client_id), acknowledged: the command the first request fixed (this
     * candidate, when it is the first) is published unless a publication is in flight or done, and awaited.
     *
     * @throws org.springframework.web.ErrorResponseException 409 {@code client-id-conflict} when the client_id was
     *         used for another text or dialog (nothing is published), 503 when Kafka does not acknowledge
     */
    MessageAccepted accept(SendMessageCommand candidate, CommandPublisher publisher) {
        Entry entry = entry(candidate.authorId(), candidate.clientId(), () -> candidate);
        SendMessageCommand fixed = entry.command();
        if (!fixed.dialogId().equals(candidate.dialogId()) || !fixed.text().equals(candidate.text())) {
            throw ProblemType.CLIENT_ID_CONFLICT.exception("client_id '"
                    + candidate.clientId() + "' was already used for message " + fixed.messageId()
                    + " with another text or dialog; use a new client_id per message");
        }
        publisher.awaitAck(entry.publication(publisher::publish), fixed);
        return MessageAccepted.of(fixed);
    }

    /** The entry of (author, clientId), created atomically from {@code command} on first use. */
    Entry entry(UUID authorId, String clientId, Supplier<SendMessageCommand> command) {
        return entries.get(new Key(authorId, clientId), key -> new Entry(command.get()));
    }
}
