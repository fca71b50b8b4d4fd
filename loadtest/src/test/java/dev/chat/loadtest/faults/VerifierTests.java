package dev.chat.loadtest.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VerifierTests {

    private static final String RUN = "t-1";

    private final Verifier verifier = new Verifier(RUN);

    @Test
    void countsAnIntactDialogAsIntact() {
        Counts c = verifier.verify(Map.of(0, List.of(accepted(1), accepted(2), accepted(3))),
                Map.of(0, List.of(stored(1), stored(2), stored(3))));
        assertThat(c.sent()).isEqualTo(3);
        assertThat(c.stored()).isEqualTo(3);
        assertThat(c.intact()).isTrue();
    }

    @Test
    void countsLostDuplicatedAndOutOfOrderMessages() {
        Counts c = verifier.verify(Map.of(0, List.of(accepted(1), accepted(2), accepted(3), accepted(4))),
                Map.of(0, List.of(stored(2), stored(1), stored(2), stored(4))));
        assertThat(c.lost()).isEqualTo(1);
        assertThat(c.lostFirstMs()).isEqualTo(300);
        assertThat(c.duplicated()).isEqualTo(1);
        assertThat(c.outOfOrder()).isEqualTo(1);
        assertThat(c.intact()).isFalse();
    }

    @Test
    void countsARefusedMessageThatWasStoredAnyway() {
        Sent refused = new Sent(0, 2, Sent.text(RUN, 0, 2), 503, 3, null, 200, "https://chat.dev/problems/service-unavailable");
        Counts c = verifier.verify(Map.of(0, List.of(accepted(1), refused)), Map.of(0, List.of(stored(1), stored(2))));
        assertThat(c.accepted()).isEqualTo(1);
        assertThat(c.rejected()).containsEntry(503, 1);
        assertThat(c.rejectedButStored()).isEqualTo(1);
        assertThat(c.intact()).isFalse();
    }

    @Test
    void countsAMessageStoredUnderAnotherIdThanAccepted() {
        ChatApi.Stored other = new ChatApi.Stored("other-id", "a", Sent.text(RUN, 0, 1), 1);
        Counts c = verifier.verify(Map.of(0, List.of(accepted(1))), Map.of(0, List.of(other)));
        assertThat(c.idMismatch()).isEqualTo(1);
    }

    @Test
    void ignoresMessagesOfOtherRunsAndOtherDialogs() {
        ChatApi.Stored otherRun = new ChatApi.Stored("x", "a", Sent.text("t-2", 0, 1), 1);
        ChatApi.Stored otherDialog = new ChatApi.Stored("y", "a", Sent.text(RUN, 1, 1), 1);
        Counts c = verifier.verify(Map.of(0, List.of(accepted(1))), Map.of(0, List.of(otherRun, otherDialog, stored(1))));
        assertThat(c.stored()).isEqualTo(1);
        assertThat(c.intact()).isTrue();
    }

    private static Sent accepted(int seq) {
        return new Sent(0, seq, Sent.text(RUN, 0, seq), 202, 1, "id-" + seq, seq * 100L, "");
    }

    private static ChatApi.Stored stored(int seq) {
        return new ChatApi.Stored("id-" + seq, "a", Sent.text(RUN, 0, seq), seq);
    }
}
