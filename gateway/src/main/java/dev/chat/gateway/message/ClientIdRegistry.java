package dev.chat.gateway.message;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.ClientIdClaim;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.message.MessageApi.MessageAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a send with a {@code client_id} idempotent across gateways: per (author, client_id) the first request fixes
 * the command (message id, ts) and every later or concurrent request with the same pair waits for that command's one
 * publication and answers the same. If a publication fails, the next request publishes the SAME command again (same
 * message id), so a publication that did reach Kafka despite the error stays one message.
 *
 * <p>Two levels: a bounded, TTL'd local cache ({@code chat.messages.client-id-ttl}) holds the command and its
 * publication; on a miss the id is claimed in the dialog store ({@link DialogStore#claimClientId}), which every
 * gateway shares, so a retry that lands on another gateway after this one died gets this one's id and publishes the
 * same command again (the writer stores it once). When the store cannot be reached the claim stays local
 * ({@code chat.gateway.client-id-claims{outcome=local}}): the send still goes through, and only a retry through
 * another gateway in that window could be told another id than the stored one (the writer still stores one message
 * per (dialog, author, client_id)).
 *
 * <p>Thread-safe.
 */
final class ClientIdRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientIdRegistry.class);

    private record Key(UUID authorId, String clientId) {
    }

    /** One (author, client_id): its command, the digest of the text it was claimed for, its current publication. */
    static final class Entry {
        private final SendMessageCommand command;
        private final String digest;
        private CompletableFuture<?> publication; // guarded by this

        Entry(SendMessageCommand command, String digest) {
            this.command = command;
            this.digest = digest;
        }

        SendMessageCommand command() {
            return command;
        }

        String digest() {
            return digest;
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
    private final DialogStore store;
    private final MessageProperties properties;
    private final Counter shared;
    private final Counter local;

    ClientIdRegistry(MessageProperties properties, DialogStore store, MeterRegistry meters) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(properties.clientIdTtl())
                .maximumSize(properties.clientIdMaxEntries())
                .build();
        this.store = store;
        this.properties = properties;
        this.shared = counter(meters, "shared");
        this.local = counter(meters, "local");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("chat.gateway.client-id-claims").tag("outcome", outcome)
                .description("client ids claimed in the dialog store (shared) or only here, the store failing (local)")
                .register(meters);
    }

    /**
     * The send of {@code candidate}'s (author, client_id), acknowledged: the command the first request fixed (this
     * candidate, when it is the first) is published unless a publication is in flight or done, and awaited.
     *
     * @throws org.springframework.web.ErrorResponseException 409 {@code client-id-conflict} when the client_id was
     *         used for another text or dialog (nothing is published), 503 when Kafka does not acknowledge
     */
    MessageAccepted accept(SendMessageCommand candidate, CommandPublisher publisher) {
        Entry entry = entry(candidate);
        SendMessageCommand fixed = entry.command();
        boolean sameText = entry.digest().equals(ClientIdClaim.digestOf(candidate.text()));
        if (!fixed.dialogId().equals(candidate.dialogId()) || !sameText) {
            throw ProblemType.CLIENT_ID_CONFLICT.exception("client_id '"
                    + candidate.clientId() + "' was already used for message " + fixed.messageId()
                    + " with another text or dialog; use a new client_id per message");
        }
        publisher.awaitAck(entry.publication(publisher::publish), fixed);
        return MessageAccepted.of(fixed);
    }

    /**
     * The entry of {@code candidate}'s (author, client_id), claimed in the store on first use here. Not inside the
     * cache's atomic compute, which would hold other keys while the store answers: two concurrent first requests
     * both claim, the store gives both the same winner, and the entry that stays equals the one that lost the race.
     */
    Entry entry(SendMessageCommand candidate) {
        Key key = new Key(candidate.authorId(), candidate.clientId());
        Entry known = entries.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Entry claimed = claimed(candidate, ClientIdClaim.digestOf(candidate.text()));
        Entry raced = entries.asMap().putIfAbsent(key, claimed);
        return raced == null ? claimed : raced;
    }

    /** The candidate with the id the store says the client id stands for; the candidate itself without the store. */
    private Entry claimed(SendMessageCommand candidate, String digest) {
        ClientIdClaim held;
        try {
            held = store.claimClientId(candidate.dialogId(), candidate.authorId(), candidate.clientId(),
                    new ClientIdClaim(candidate.messageId(), digest), properties.clientIdTtl());
        } catch (RuntimeException e) {
            local.increment();
            log.debug("client_id claim kept local, the dialog store failed: {}", e.toString());
            return new Entry(candidate, digest);
        }
        shared.increment();
        if (held.messageId().equals(candidate.messageId())) {
            return new Entry(candidate, digest);
        }
        UUID id = held.messageId();
        return new Entry(new SendMessageCommand(id, candidate.dialogId(), candidate.authorId(), candidate.recipientId(),
                candidate.text(), MessageIds.millisOf(id), candidate.clientId()), held.digest());
    }
}
