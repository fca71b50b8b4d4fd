package dev.chat.common.dialog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Which message a sender's client id stands for, fixed before the message is sent on: see
 * {@link DialogStore#claimClientId}.
 *
 * @param messageId the id the first send with this client id was given
 * @param digest    {@link #digestOf} the first send's text, so that a retry with another text is told apart
 */
public record ClientIdClaim(UUID messageId, String digest) {

    /** The longest digest a store keeps; {@link #digestOf} gives 32 characters. */
    public static final int MAX_DIGEST_LENGTH = 64;

    public ClientIdClaim {
        Objects.requireNonNull(messageId, "messageId");
        if (digest == null || digest.isEmpty() || digest.length() > MAX_DIGEST_LENGTH) {
            throw new IllegalArgumentException("digest must be 1.." + MAX_DIGEST_LENGTH + " characters");
        }
    }

    /** The claim of a new message: its id and the digest of its text. */
    public static ClientIdClaim of(UUID messageId, String text) {
        return new ClientIdClaim(messageId, digestOf(text));
    }

    /** The first 128 bits of the text's SHA-256, in hex: equal texts give equal digests, others (for all purposes) not. */
    public static String digestOf(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
