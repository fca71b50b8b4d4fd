package dev.chat.reader.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogNotFoundException;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.reader.system.ReaderProperties;
import org.springframework.stereotype.Service;

/**
 * Reads a caller's dialogs. The dialog is always looked up from the caller's own id and the friend's id,
 * never from anything the client sends about the dialog itself, so a user can read only dialogs they are in.
 */
@Service
class MessageHistory {

    private final DialogCache dialogs;
    private final DialogStore store;
    private final ReaderProperties properties;

    MessageHistory(DialogCache dialogs, DialogStore store, ReaderProperties properties) {
        this.dialogs = dialogs;
        this.store = store;
        this.properties = properties;
    }

    /** A page of the dialog, oldest first, with cursors to the pages on either side. */
    HistoryPage page(UUID caller, UUID friend, PageQuery query) {
        Dialog dialog = dialog(caller, friend);
        PageRequest request = query.toRequest();
        MessagePage page = store.showMessages(dialog.id(), request);
        boolean walkedNewer = request.direction() == Direction.NEWER;
        List<ChatMessage> messages = oldestFirst(page, walkedNewer);
        if (messages.isEmpty()) {
            // Echo the cursor: "nothing yet" keeps the client where it was.
            String echo = request.cursor() == null ? null : request.cursor().encode();
            return new HistoryPage(List.of(), walkedNewer ? echo : null, echo);
        }
        // Walking newer, the page starts right after the client's cursor, so there is something older.
        boolean olderExists = walkedNewer || page.hasMore();
        PageCursor older = olderExists ? messages.get(0).cursor() : null;
        PageCursor newer = messages.get(messages.size() - 1).cursor();
        return new HistoryPage(messages.stream().map(MessageView::of).toList(),
                older == null ? null : older.encode(), newer.encode());
    }

    /** The newest {@code chat.reader.otus-list-limit} messages, oldest first, in the OTUS shape. */
    List<OtusDialogMessage> otusList(UUID caller, UUID friend) {
        Dialog dialog = dialog(caller, friend);
        MessagePage page = store.showMessages(dialog.id(), PageRequest.newest(properties.otusListLimit()));
        return oldestFirst(page, false).stream()
                .map(m -> new OtusDialogMessage(m.authorId(), m.authorId().equals(caller) ? friend : caller,
                        m.message()))
                .toList();
    }

    private Dialog dialog(UUID caller, UUID friend) {
        return dialogs.find(caller, friend).orElseThrow(() -> new DialogNotFoundException(caller, friend));
    }

    private static List<ChatMessage> oldestFirst(MessagePage page, boolean walkedNewer) {
        if (walkedNewer) {
            return page.messages();
        }
        List<ChatMessage> reversed = new ArrayList<>(page.messages());
        Collections.reverse(reversed);
        return reversed;
    }
}
