package dev.chat.common.command;

import java.util.UUID;

/**
 * Gateway → writer (request/reply): make the dialog of two users. Keyed by {@link #pairKey}, the
 * unordered pair, so both users creating their dialog at once land on one partition and one writer
 * handles them one after the other.
 *
 * @param userId       the requester, becomes the owner of a new dialog
 * @param friendId     the other user (already checked to exist)
 * @param newDialogId  the id to use if the dialog does not exist yet
 * @param name         display name, may be empty
 */
public record CreateDialogCommand(UUID userId, UUID friendId, UUID newDialogId, String name) {

    public String pairKey() {
        return pairKey(userId, friendId);
    }

    /** The same key whichever order the two users are given in. */
    public static String pairKey(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) <= 0 ? a + ":" + b : b + ":" + a;
    }
}
