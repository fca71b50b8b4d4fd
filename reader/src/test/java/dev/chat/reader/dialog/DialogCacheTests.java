package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.chat.common.dialog.Dialog;
import dev.chat.reader.system.ReaderProperties;
import org.junit.jupiter.api.Test;

class DialogCacheTests {

    private final InMemoryDialogStore store = new InMemoryDialogStore();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private DialogCache cache(long size) {
        return new DialogCache(store, new ReaderProperties(50, 200, 100, size));
    }

    @Test
    void servesRepeatedLookupsOfEitherParticipantFromMemory() {
        DialogCache cache = cache(100);
        Dialog dialog = store.makeDialog(alice, bob, UUID.randomUUID(), "").dialog();

        assertThat(cache.find(alice, bob)).contains(dialog);
        assertThat(cache.find(alice, bob)).contains(dialog);
        assertThat(cache.find(bob, alice)).contains(dialog);

        assertThat(store.findCalls).hasValue(1);
    }

    @Test
    void doesNotRememberMissesSoALaterDialogIsFound() {
        DialogCache cache = cache(100);
        assertThat(cache.find(alice, bob)).isEmpty();

        Dialog dialog = store.makeDialog(bob, alice, UUID.randomUUID(), "").dialog();

        assertThat(cache.find(alice, bob)).contains(dialog);
        assertThat(store.findCalls).hasValue(2);
    }

    @Test
    void keepsDifferentPairsApart() {
        DialogCache cache = cache(100);
        UUID carol = UUID.randomUUID();
        Dialog withBob = store.makeDialog(alice, bob, UUID.randomUUID(), "").dialog();
        Dialog withCarol = store.makeDialog(alice, carol, UUID.randomUUID(), "").dialog();

        assertThat(cache.find(alice, bob)).contains(withBob);
        assertThat(cache.find(alice, carol)).contains(withCarol);
        assertThat(cache.find(bob, carol)).isEmpty();
    }
}
