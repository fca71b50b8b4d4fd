package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.ClientIdClaim;
import dev.chat.common.dialog.PageRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@link dev.chat.common.dialog.DialogStore#claimClientId}, part of the {@link DialogStoreContract}: the first claim
 * of (dialog, author, client id) holds and is what every later or concurrent claim gets back, claims of other keys do
 * not interfere, an expired claim gives way, and a claim is no message.
 */
public abstract class ClientIdClaimContract extends EncodedPageContract {

    private static final Duration TTL = Duration.ofMinutes(10);

    private ClientIdClaim claim(Pair pair, UUID author, String clientId, ClientIdClaim claim, Duration ttl) {
        return store().claimClientId(pair.dialogId(), author, clientId, claim, ttl);
    }

    private ClientIdClaim newClaim(String text) {
        return ClientIdClaim.of(ids.next(), text);
    }

    @Test
    public void theFirstClaimHoldsAndEveryLaterClaimGetsItBack() {
        Pair pair = newPair();
        ClientIdClaim first = newClaim("hello");

        assertThat(claim(pair, pair.user(), "c-1", first, TTL)).isEqualTo(first);
        assertThat(claim(pair, pair.user(), "c-1", newClaim("hello"), TTL)).isEqualTo(first);
        assertThat(claim(pair, pair.user(), "c-1", newClaim("another text"), TTL)).isEqualTo(first);
    }

    @Test
    public void claimsOfAnotherClientIdAuthorOrDialogAreTheirOwn() {
        Pair pair = newPair();
        Pair other = newPair();
        ClientIdClaim first = newClaim("hello");
        claim(pair, pair.user(), "c-1", first, TTL);

        List<ClientIdClaim> others = List.of(newClaim("a"), newClaim("b"), newClaim("c"));
        assertThat(claim(pair, pair.user(), "c-2", others.get(0), TTL)).isEqualTo(others.get(0));
        assertThat(claim(pair, pair.friend(), "c-1", others.get(1), TTL)).isEqualTo(others.get(1));
        assertThat(claim(other, pair.user(), "c-1", others.get(2), TTL)).isEqualTo(others.get(2));
        assertThat(claim(pair, pair.user(), "c-1", newClaim("hello"), TTL)).isEqualTo(first);
    }

    @Test
    public void concurrentClaimsOfOneClientIdAllGetTheSameWinner() {
        Pair pair = newPair();
        List<ClientIdClaim> candidates = concurrently(8, i -> newClaim("same"));
        List<ClientIdClaim> answers = concurrently(8, i -> claim(pair, pair.user(), "race", candidates.get(i), TTL));

        Set<ClientIdClaim> distinct = new HashSet<>(answers);
        assertThat(distinct).hasSize(1);
        assertThat(candidates).contains(distinct.iterator().next());
    }

    @Test
    public void anExpiredClaimGivesWayToTheNextOne() {
        Pair pair = newPair();
        ClientIdClaim first = newClaim("hello");
        ClientIdClaim next = newClaim("hello");
        claim(pair, pair.user(), "c-1", first, Duration.ofMillis(50));

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> claim(pair, pair.user(), "c-1", next, TTL).equals(next));
        assertThat(claim(pair, pair.user(), "c-1", newClaim("hello"), TTL)).isEqualTo(next);
    }

    @Test
    public void aClaimStoresNoMessageAndDoesNotStopTheClaimedMessageFromBeingWritten() {
        Pair pair = newPair();
        ChatMessage message = message(pair, "claimed first", System.currentTimeMillis());
        claim(pair, pair.user(), "c-1", ClientIdClaim.of(message.id(), message.message()), TTL);
        assertThat(store().showMessages(pair.dialogId(), PageRequest.newest(10)).messages()).isEmpty();

        assertThat(store().writeMessage(message, "c-1").stored()).isTrue();
        assertThat(store().writeMessage(message, "c-1").stored()).isFalse();
        assertThat(store().showMessages(pair.dialogId(), PageRequest.newest(10)).messages()).containsExactly(message);
    }

    @Test
    public void clientIdsAndTtlsTheWritesWouldRefuseAreRefused() {
        Pair pair = newPair();
        assertThatThrownBy(() -> claim(pair, pair.user(), "", newClaim("x"), TTL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> claim(pair, pair.user(), "x".repeat(201), newClaim("x"), TTL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> claim(pair, pair.user(), "c-1", newClaim("x"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
