package dev.chat.common.dialog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where dialogs and their messages live: Redis Functions ({@code redis-udf}) or the SQL baseline.
 * Every implementation passes the same contract test suite.
 *
 * <p>Contract shared by all implementations:
 * <ul>
 *   <li><b>Thread-safety:</b> all methods may be called concurrently from any thread.</li>
 *   <li><b>One dialog per pair:</b> {@code (a, b)} and {@code (b, a)} name the same dialog. A store that
 *       cannot make creation atomic across both key orders (Redis Cluster) says so in its Javadoc, and
 *       callers then serialise creation per unordered pair (the writer does).</li>
 *   <li><b>Idempotent writes:</b> writing a message whose id is already stored changes nothing.</li>
 *   <li><b>Order:</b> messages of a dialog are ordered by {@code (ts, id)}; ids are time-ordered, so messages
 *       of one sender in the same millisecond keep their sending order.</li>
 *   <li><b>Paging:</b> cursors are exclusive {@code (ts, id)} bounds, so paging never repeats or skips a
 *       message that was stored before the page was read.</li>
 *   <li><b>Inbox:</b> per user, the dialogs by last activity ({@link #showInbox}), each with its last message, the
 *       user's read marker ({@link #markRead}, only ever moving forward), the friend's marker and the unread count
 *       (the friend's messages after the user's marker). Kept by {@link #makeDialog}, by {@link #writeMessages} for
 *       writes that name a recipient, and by {@link #markRead}; every step is idempotent and order-independent
 *       (maxima, set additions counted only after the marker), so replaying any of them, in any order, converges
 *       on the same inbox. Writes without a recipient are not guaranteed to show in an inbox.</li>
 * </ul>
 */
public interface DialogStore {

    /**
     * Returns the dialog of the two users, creating it with the given id, name and owner {@code userId}
     * when neither key order exists yet. Either way the dialog ends up in both users' inboxes: one that lacks it
     * gets it with the current time as its activity and no message; one that has it is left as it is, so calling
     * this again repairs a creation that failed half-way and moves nothing.
     */
    DialogCreation makeDialog(UUID userId, UUID friendId, UUID newDialogId, String name);

    /** The dialog of the two users under either order, if any. Read-only. */
    Optional<Dialog> findDialog(UUID userId, UUID friendId);

    /** {@link #findDialog} or {@link DialogNotFoundException}. */
    default Dialog getDialog(UUID userId, UUID friendId) {
        return findDialog(userId, friendId).orElseThrow(() -> new DialogNotFoundException(userId, friendId));
    }

    /**
     * Stores the message in its dialog ({@code message.chatId()}).
     *
     * <p>Idempotent twice over: a message whose id is already stored changes nothing, and when
     * {@code clientId} is given, a second message from the same author with the same client id in the
     * same dialog changes nothing either (the client retried; the first one's id is returned).
     *
     * @param clientId the sender's own request id, or null
     * @return what the store holds for this message now
     */
    WriteOutcome writeMessage(ChatMessage message, String clientId);

    /**
     * Stores several messages with the outcome of {@link #writeMessage} for each, as if they were written one
     * after the other in list order (so a later write sees an earlier one of the same batch: the same id or
     * client id twice is stored once), and returns the outcomes in the same order. Implementations save round
     * trips or commits (a pipeline, one transaction); the default writes one by one.
     *
     * <p>A write that {@linkplain MessageWrite#keepsInbox() names a recipient} also keeps the inbox of the author and
     * of the recipient when its message is stored by this call or already was (a replay): the dialog's activity
     * becomes the message's {@code ts} if later, its last message this one if later by {@code (ts, id)}, and the
     * recipient's unread count counts it if it comes after the recipient's read marker; a message counts once
     * however often it is written. A client-id duplicate (the outcome names an earlier message) keeps no inbox:
     * the earlier message's write did. The inbox steps are not atomic with the message's: a reader may see the
     * message before the inboxes, or (on Redis Cluster) one user's inbox before the other's.
     *
     * <p>If it throws, any of the writes may or may not have been stored, any inbox kept or not; writing them all
     * again is safe, because writes are idempotent, and completes what was missed. A write {@link #writeMessage} would refuse ({@link IllegalArgumentException})
     * fails the whole call the same way.
     */
    default List<WriteOutcome> writeMessages(List<MessageWrite> writes) {
        List<WriteOutcome> outcomes = new ArrayList<>(writes.size());
        for (MessageWrite write : writes) {
            outcomes.add(writeMessage(write.message(), write.clientId()));
        }
        return outcomes;
    }

    /**
     * Fixes which message id (author, {@code clientId}) stands for in the dialog before the message is sent on to
     * be written, so that a sender retrying through another gateway gets the same id back: the first claim holds
     * for {@code ttl}, and every claim of the same (dialog, author, client id) meanwhile returns it unchanged
     * (atomically: of concurrent claims exactly one wins). After {@code ttl} a claim may be replaced by a new one.
     *
     * <p>A claim only names an id; it stores no message, and {@link #writeMessage} does not read it. Claims are not
     * replicated synchronously, so a failover can forget one (a retry after it gets a new id; the client id
     * still keeps the message single when it is written). Not read-only: goes to the primary.
     *
     * @param claim the caller's own claim: a new message id and the digest of its text
     * @return the claim that holds now: {@code claim} when it was the first, else the earlier one
     * @throws IllegalArgumentException for a client id {@link #writeMessage} would refuse, or a ttl under 1 ms
     */
    ClientIdClaim claimClientId(UUID dialogId, UUID authorId, String clientId, ClientIdClaim claim, Duration ttl);

    /**
     * A page of the user's inbox, most recent activity first: entries strictly before {@code before} in the order
     * {@code (activity, dialogId)} descending ({@link InboxEntry#cursor()} of a page's last entry), or from the
     * newest when {@code before} is null. Read-only. A dialog whose activity changes between two pages may be
     * missed or shown twice (it moved); a client re-reads the first page to see new activity. An unknown user has
     * an empty inbox.
     *
     * @param limit 1..{@link PageRequest#MAX_LIMIT}
     * @throws IllegalArgumentException for a limit outside that range
     */
    InboxPage showInbox(UUID userId, PageCursor before, int limit);

    /**
     * Moves the user's read marker in the dialog forward to the message at {@code upTo} ({@link ChatMessage#cursor()}:
     * its {@code ts} and id), and the friend's copy of it ({@link InboxEntry#friendReadUpTo()} in the friend's
     * inbox). A position at or before the marker changes nothing, so replays and late, older reads never move it
     * back. The user's unread count drops to the friend's messages after the new marker. Not read-only.
     *
     * <p>Not atomic across the two users: if it throws, the marker may have moved for the user and not yet for the
     * friend's copy; calling it again completes it.
     *
     * @param friendId the other user of the dialog (whose inbox shows this user's marker)
     * @return {@link ReadOutcome.Status#NO_SUCH_MESSAGE} and nothing changed when the dialog holds no message with
     *         that id at that {@code ts}
     */
    ReadOutcome markRead(UUID userId, UUID friendId, UUID dialogId, PageCursor upTo);

    /**
     * Whether the dialog holds the message with id {@code at.id()} at {@code at.ts()}: exactly the check by which
     * {@link #markRead} answers {@link ReadOutcome.Status#NO_SUCH_MESSAGE}, so a caller can refuse a read before
     * handing it on. Read-only (a replica may answer where the store reads from replicas, and then miss a message
     * stored a moment ago). An unknown dialog, another dialog's message or a ts the message does not have: false.
     */
    boolean hasMessage(UUID dialogId, PageCursor at);

    /** A page of the dialog's messages. Read-only. An unknown dialog id gives an empty page. */
    MessagePage showMessages(UUID dialogId, PageRequest request);

    /**
     * {@link #showMessages} with each message in its stored encoding, for callers that pass messages through to
     * their clients without decoding them (the reader): the same messages, order and {@code hasMore}. The Redis
     * store hands the members over as Redis returns them; the default encodes {@link #showMessages}' page.
     */
    default EncodedPage showEncoded(UUID dialogId, PageRequest request) {
        MessagePage page = showMessages(dialogId, request);
        return new EncodedPage(page.messages().stream().map(EncodedMessage::encode).toList(), page.hasMore());
    }
}
