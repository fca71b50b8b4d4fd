package dev.chat.boot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import org.junit.jupiter.api.Test;

/** The cache in front of the store: which lookups reach the store (counted by a store that knows only dialogs). */
class DialogDirectoryTests {

    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final AtomicInteger findCalls = new AtomicInteger();
    private final DialogStore store = (DialogStore) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DialogStore.class}, (proxy, method, args) -> {
                if (!method.getName().equals("findDialog")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                findCalls.incrementAndGet();
                return Optional.ofNullable(dialogs.get(CreateDialogCommand.pairKey((UUID) args[0], (UUID) args[1])));
            });
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private Dialog make(UUID owner, UUID friend) {
        Dialog dialog = new Dialog(UUID.randomUUID(), "", owner);
        dialogs.put(CreateDialogCommand.pairKey(owner, friend), dialog);
        return dialog;
    }

    @Test
    void servesRepeatedLookupsOfEitherParticipantFromMemory() {
        DialogDirectory directory = new DialogDirectory(store, 100);
        Dialog dialog = make(alice, bob);

        assertThat(directory.find(alice, bob)).contains(dialog);
        assertThat(directory.find(alice, bob)).contains(dialog);
        assertThat(directory.find(bob, alice)).contains(dialog);

        assertThat(findCalls).hasValue(1);
    }

    @Test
    void doesNotRememberMissesSoALaterDialogIsFound() {
        DialogDirectory directory = new DialogDirectory(store, 100);
        assertThat(directory.find(alice, bob)).isEmpty();

        Dialog dialog = make(bob, alice);

        assertThat(directory.find(alice, bob)).contains(dialog);
        assertThat(findCalls).hasValue(2);
    }

    @Test
    void keepsDifferentPairsApart() {
        DialogDirectory directory = new DialogDirectory(store, 100);
        UUID carol = UUID.randomUUID();
        Dialog withBob = make(alice, bob);
        Dialog withCarol = make(alice, carol);

        assertThat(directory.find(alice, bob)).contains(withBob);
        assertThat(directory.find(alice, carol)).contains(withCarol);
        assertThat(directory.find(bob, carol)).isEmpty();
    }

    @Test
    void answersARememberedDialogWithoutAskingTheStore() {
        DialogDirectory directory = new DialogDirectory(store, 100);
        Dialog made = new Dialog(UUID.randomUUID(), "", alice);

        directory.remember(alice, bob, made);

        assertThat(directory.find(bob, alice)).contains(made);
        assertThat(findCalls).hasValue(0);
    }
}
