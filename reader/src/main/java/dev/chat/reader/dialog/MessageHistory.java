package dev.chat.reader.dialog;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.chat.boot.store.DialogDirectory;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogNotFoundException;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.EncodedMessage;
import dev.chat.common.dialog.EncodedPage;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.reader.system.ReaderProperties;
import org.springframework.stereotype.Service;

/**
 * Reads a caller's dialogs. The dialog is always looked up from the caller's own id and the friend's id,
 * never from anything the client sends about the dialog itself, so a user can read only dialogs they are in.
 * Pages come from the store in their stored encoding and go out as JSON without being decoded ({@link JsonPages}).
 */
@Service
class MessageHistory {

    private final DialogDirectory dialogs;
    private final DialogStore store;
    private final ReaderProperties properties;

    MessageHistory(DialogDirectory dialogs, DialogStore store, ReaderProperties properties) {
        this.dialogs = dialogs;
        this.store = store;
        this.properties = properties;
    }

    /** A {@link HistoryPage} of the dialog as JSON: oldest first, with cursors to the pages on either side. */
    byte[] page(UUID caller, UUID friend, PageQuery query) {
        Dialog dialog = dialog(caller, friend);
        PageRequest request = query.toRequest();
        EncodedPage page = store.showEncoded(dialog.id(), request);
        boolean walkedNewer = request.direction() == Direction.NEWER;
        List<EncodedMessage> messages = oldestFirst(page, walkedNewer);
        if (messages.isEmpty()) {
            // Echo the cursor: "nothing yet" keeps the client where it was.
            String echo = request.cursor() == null ? null : request.cursor().encode();
            return JsonPages.history(messages, walkedNewer ? echo : null, echo);
        }
        // Walking newer, the page starts right after the client's cursor, so there is something older.
        boolean olderExists = walkedNewer || page.hasMore();
        PageCursor older = olderExists ? messages.get(0).cursor() : null;
        PageCursor newer = messages.get(messages.size() - 1).cursor();
        return JsonPages.history(messages, older == null ? null : older.encode(), newer.encode());
    }

    /** The newest {@code chat.reader.otus-list-limit} messages as a JSON list of {@link OtusDialogMessage}, oldest first. */
    byte[] otusList(UUID caller, UUID friend) {
        Dialog dialog = dialog(caller, friend);
        EncodedPage page = store.showEncoded(dialog.id(), PageRequest.newest(properties.otusListLimit()));
        return JsonPages.otus(oldestFirst(page, false), caller.toString().getBytes(US_ASCII),
                friend.toString().getBytes(US_ASCII));
    }

    private Dialog dialog(UUID caller, UUID friend) {
        return dialogs.find(caller, friend).orElseThrow(() -> new DialogNotFoundException(caller, friend));
    }

    private static List<EncodedMessage> oldestFirst(EncodedPage page, boolean walkedNewer) {
        if (walkedNewer) {
            return page.messages();
        }
        List<EncodedMessage> reversed = new ArrayList<>(page.messages());
        Collections.reverse(reversed);
        return reversed;
    }
}
