package dev.chat.sqlstore;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.chat.common.dialog.ClientIdClaim;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PostgresDialogStore#claimClientId} over the table {@code client_id_claims}: one statement per claim, and
 * every {@value #PRUNE_EVERY}th claim also deletes up to {@value #PRUNE_BATCH} expired rows, so the table stays
 * about as large as the claims of one ttl without a scheduler. Thread-safe.
 */
final class ClientIdClaims {

    static final int PRUNE_EVERY = 1000;
    static final int PRUNE_BATCH = 5000;

    /**
     * Inserts the claim, or keeps the row that holds (replacing it only once expired), and returns what holds.
     * The conflicting row is locked by the update, so concurrent claims of one key return one winner.
     * Params: dialog_id, author_id, client_id, message_id, digest, ttl in ms.
     */
    private static final String CLAIM = """
            INSERT INTO client_id_claims AS c (dialog_id, author_id, client_id, message_id, digest, expires_at)
            VALUES (?, ?, ?, ?, ?, clock_timestamp() + ? * interval '1 millisecond')
            ON CONFLICT (dialog_id, author_id, client_id) DO UPDATE SET
                message_id = CASE WHEN c.expires_at < clock_timestamp() THEN excluded.message_id ELSE c.message_id END,
                digest = CASE WHEN c.expires_at < clock_timestamp() THEN excluded.digest ELSE c.digest END,
                expires_at = CASE WHEN c.expires_at < clock_timestamp() THEN excluded.expires_at ELSE c.expires_at END
            RETURNING message_id, digest
            """;

    /** Params: batch size. Uses client_id_claims_expiry. */
    private static final String PRUNE = """
            DELETE FROM client_id_claims WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM client_id_claims WHERE expires_at < clock_timestamp() LIMIT ?))
            """;

    private final JdbcClient jdbc;
    private final AtomicLong claims = new AtomicLong();

    ClientIdClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ClientIdClaim claim(UUID dialogId, UUID authorId, String clientId, ClientIdClaim claim, Duration ttl) {
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("sql-store: ttl must be at least 1 ms, was " + ttl);
        }
        ClientIdClaim holding = jdbc.sql(CLAIM)
                .params(dialogId, authorId, clientId, claim.messageId(), claim.digest(), ttl.toMillis())
                .query((rs, row) -> new ClientIdClaim(rs.getObject("message_id", UUID.class), rs.getString("digest")))
                .single();
        if (claims.incrementAndGet() % PRUNE_EVERY == 0) {
            jdbc.sql(PRUNE).param(PRUNE_BATCH).update();
        }
        return holding;
    }
}
