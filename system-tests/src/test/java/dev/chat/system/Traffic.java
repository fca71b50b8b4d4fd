package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages sent over HTTP while a fault is injected, then counted message by message: one sequential sender per
 * dialog, each remembering the ids the gateway accepted (202) in sending order. {@link #assertAllStoredOnceInOrder}
 * reads every dialog back through the reader: every accepted message stored, none twice, in sending order.
 */
final class Traffic implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(100); // per dialog: 10 messages a second

    private final List<Sender> senders = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** Starts {@code dialogs} senders, each between two new users. */
    static Traffic start(RunningSystem system, int dialogs) {
        Traffic traffic = new Traffic();
        for (int i = 0; i < dialogs; i++) {
            Client author = Client.register(system.gatewayUrl(), system.readerUrl(), "Sender" + i);
            Client friend = Client.register(system.gatewayUrl(), system.readerUrl(), "Friend" + i);
            String dialog = author.createDialog(friend).expect(201).json().get("id").asString();
            traffic.senders.add(traffic.new Sender(author, friend, i, dialog));
        }
        traffic.senders.forEach(sender -> sender.thread.start());
        return traffic;
    }

    /** Returns once {@code more} messages beyond those accepted so far have been accepted. */
    void awaitAccepted(int more, Duration atMost) {
        int target = accepted.get() + more;
        await(more + " more accepted sends").atMost(atMost).until(() -> accepted.get() >= target);
    }

    /** Returns once the reader shows at least one stored message in every dialog: the writer is at work. */
    void awaitStoredInEveryDialog(Duration atMost) {
        for (Sender sender : senders) {
            await("dialog " + sender.index + " to show a stored message").atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> !sender.storedIds().isEmpty());
        }
    }

    /** The dialog ids, in sender order. */
    List<String> dialogIds() {
        return senders.stream().map(sender -> sender.dialogId).toList();
    }

    int accepted() {
        return accepted.get();
    }

    int refused() {
        return refused.get();
    }

    /** Stops sending; waits for the senders. */
    @Override
    public void close() {
        running.set(false);
        for (Sender sender : senders) {
            try {
                sender.thread.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every accepted message of every dialog is stored exactly once and in sending order, read through the reader. */
    void assertAllStoredOnceInOrder(Duration atMost) {
        for (Sender sender : senders) {
            List<String> expected = sender.acceptedIds();
            List<String> stored = await("dialog " + sender.index + " to hold its " + expected.size() + " accepted messages")
                    .atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(sender::storedIds, ids -> ids.containsAll(expected));
            assertThat(stored).as("dialog %d: stored once each, in sending order", sender.index)
                    .containsExactlyElementsOf(expected);
        }
    }

    private final class Sender {

        private final Client author;
        private final Client friend;
        private final int index;
        private final String dialogId;
        private final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        Sender(Client author, Client friend, int index, String dialogId) {
            this.author = author;
            this.friend = friend;
            this.index = index;
            this.dialogId = dialogId;
            this.thread = new Thread(this::run, "traffic-" + index);
        }

        private void run() {
            for (int n = 0; running.get(); n++) {
                try {
                    Client.Response response = author.send(friend, "message " + n, null);
                    if (response.status() == 202) {
                        ids.add(response.json().get("id").asString());
                        accepted.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                    }
                    Thread.sleep(PAUSE.toMillis()); // pacing of the sender, not a wait for async work
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) { // a timed-out request: not accepted, go on
                    refused.incrementAndGet();
                }
            }
        }

        List<String> acceptedIds() {
            return List.copyOf(ids);
        }

        /** The dialog's stored ids, oldest first, all pages. */
        List<String> storedIds() {
            List<String> stored = new ArrayList<>();
            String query = "?limit=200";
            while (true) {
                var page = author.history(friend, query).expect(200).json();
                List<String> pageIds = new ArrayList<>();
                page.get("messages").forEach(m -> pageIds.add(m.get("id").asString()));
                stored.addAll(0, pageIds);
                if (page.get("older").isNull()) {
                    return stored;
                }
                query = "?limit=200&before=" + page.get("older").asString();
            }
        }
    }
}
