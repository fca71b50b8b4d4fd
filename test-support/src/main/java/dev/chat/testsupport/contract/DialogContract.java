package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogNotFoundException;
import org.junit.jupiter.api.Test;

/** Dialog behaviour of the {@link DialogStoreContract}. */
public abstract class DialogContract extends StoreFixtures {

    @Test
    public void makesADialogAndFindsItUnderBothKeyOrders() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID id = UUID.randomUUID();

        DialogCreation creation = store().makeDialog(a, b, id, "a and b");

        Dialog expected = new Dialog(id, "a and b", a);
        assertThat(creation).isEqualTo(new DialogCreation(expected, true));
        assertThat(store().findDialog(a, b)).contains(expected);
        assertThat(store().findDialog(b, a)).contains(expected);
        assertThat(store().getDialog(b, a)).isEqualTo(expected);
    }

    @Test
    public void makingTheDialogAgainFromEitherSideReturnsTheFirstOne() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Dialog first = store().makeDialog(a, b, UUID.randomUUID(), "first").dialog();

        DialogCreation fromOtherSide = store().makeDialog(b, a, UUID.randomUUID(), "second");
        DialogCreation fromSameSide = store().makeDialog(a, b, UUID.randomUUID(), "third");

        assertThat(fromOtherSide).isEqualTo(new DialogCreation(first, false));
        assertThat(fromSameSide).isEqualTo(new DialogCreation(first, false));
        assertThat(store().findDialog(b, a)).contains(first);
    }

    @Test
    public void keepsNamesAsGivenAndANullNameAsEmpty() {
        String name = "Ünï 😀 \"q\" \\ \n {\"a\":1} ]] --";
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();

        Dialog named = store().makeDialog(a, b, UUID.randomUUID(), name).dialog();
        Dialog unnamed = store().makeDialog(a, c, UUID.randomUUID(), null).dialog();

        assertThat(named.name()).isEqualTo(name);
        assertThat(store().getDialog(b, a).name()).isEqualTo(name);
        assertThat(unnamed.name()).isEmpty();
        assertThat(store().getDialog(c, a).name()).isEmpty();
    }

    @Test
    public void findsNoDialogForUsersWithoutOne() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        assertThat(store().findDialog(a, b)).isEmpty();
        assertThatThrownBy(() -> store().getDialog(a, b))
                .isInstanceOfSatisfying(DialogNotFoundException.class, e -> {
                    assertThat(e.userId()).isEqualTo(a);
                    assertThat(e.friendId()).isEqualTo(b);
                });
    }

    @Test
    public void keepsDialogsOfDifferentPairsApart() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();

        Dialog ab = store().makeDialog(a, b, UUID.randomUUID(), "ab").dialog();
        Dialog ca = store().makeDialog(c, a, UUID.randomUUID(), "ca").dialog();

        assertThat(ab.id()).isNotEqualTo(ca.id());
        assertThat(store().findDialog(a, c)).contains(ca);
        assertThat(store().findDialog(b, c)).isEmpty();
    }

    @Test
    public void racingCreationFromBothSidesMakesOneDialog() {
        assumeTrue(createsAtomicallyAcrossKeyOrders(), "this store needs callers to serialise creation per pair");
        for (int round = 0; round < 10; round++) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            List<DialogCreation> results = concurrently(16, i -> i % 2 == 0
                    ? store().makeDialog(a, b, UUID.randomUUID(), "from a")
                    : store().makeDialog(b, a, UUID.randomUUID(), "from b"));
            assertOneDialog(a, b, results);
        }
    }

    @Test
    public void serialisedCreationFromBothSidesMakesOneDialog() {
        for (int round = 0; round < 10; round++) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            Object pairLock = new Object(); // what the writer's one-partition-per-pair gives
            List<DialogCreation> results = concurrently(16, i -> {
                synchronized (pairLock) {
                    return i % 2 == 0
                            ? store().makeDialog(a, b, UUID.randomUUID(), "from a")
                            : store().makeDialog(b, a, UUID.randomUUID(), "from b");
                }
            });
            assertOneDialog(a, b, results);
        }
    }

    private void assertOneDialog(UUID a, UUID b, List<DialogCreation> results) {
        Dialog dialog = store().getDialog(a, b);
        assertThat(results).extracting(DialogCreation::dialog).containsOnly(dialog);
        assertThat(results).filteredOn(DialogCreation::created).hasSize(1);
        assertThat(store().findDialog(b, a)).contains(dialog);
    }
}
