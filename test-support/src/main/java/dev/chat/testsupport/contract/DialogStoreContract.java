package dev.chat.testsupport.contract;

/**
 * The behaviour every {@link dev.chat.common.dialog.DialogStore} must show, as tests: extend this class in
 * the implementation's module and return the store from {@link #store()}. It knows nothing of Redis or SQL.
 *
 * <pre>{@code
 * class RedisDialogStoreTests extends DialogStoreContract {
 *     protected DialogStore store() { return chat.dialogStore(); }
 * }
 * }</pre>
 *
 * <p>Covered: one dialog per pair under both key orders (also when created concurrently from both sides,
 * unless {@link #createsAtomicallyAcrossKeyOrders()} says callers serialise), ordering by (ts, id) with
 * same-millisecond messages in sending order, idempotent writes by id and by client id, text returned
 * byte for byte, cursor paging that neither skips nor repeats while messages arrive, batch writes with
 * the outcomes of single ones, pages in the stored encoding equal to the decoded pages, client id claims, and the
 * inbox (dialogs by activity, last message, read markers, unread counts, exact under replays). The tests are
 * split over {@link DialogContract}, {@link MessageContract}, {@link PagingContract},
 * {@link BatchWriteContract}, {@link EncodedPageContract}, {@link ClientIdClaimContract}, {@link InboxContract} and
 * {@link ReadMarkerContract} to keep files small.
 */
public abstract class DialogStoreContract extends ReadMarkerContract {
}
