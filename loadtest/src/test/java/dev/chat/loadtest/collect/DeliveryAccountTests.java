package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.chat.loadtest.collect.DeliveryAccount.Counts;
import dev.chat.loadtest.profile.Profile;
import dev.chat.loadtest.run.RunRecorder;
import org.junit.jupiter.api.Test;

class DeliveryAccountTests {

    private static final long START = 1_000_000L; // short profile: warm-up 0-10 s, pause to 12 s, stages end at 17, 22, 32, 42 s

    private final DeliveryAccount account = new DeliveryAccount(new RunClock(results()));

    private static dev.chat.loadtest.run.RunResults results() {
        RunRecorder recorder = new RunRecorder(Profile.SHORT, List.of("read", "send"));
        recorder.startIfUnset(START);
        return recorder.results();
    }

    private static AcceptedMessage at(double secondsFromStart) {
        return new AcceptedMessage(UUID.randomUUID(), UUID.randomUUID(), START + (long) (secondsFromStart * 1000));
    }

    @Test
    void filesEachMessageByTheWindowItWasAcceptedInAndAllIntoOverall() {
        account.add(at(1), 1);   // warm-up
        account.add(at(11), 1);  // the pause after it: still the warm-up's
        account.add(at(12.5), 1);
        account.add(at(33), 1);
        account.add(at(45), 1);  // accepted after the last stage's end: a request started just before it
        assertThat(account.windows().get("warmup")).isEqualTo(new Counts(2, 2, 0, 0));
        assertThat(account.windows().get("stage1")).isEqualTo(new Counts(1, 1, 0, 0));
        assertThat(account.windows().get("stage4")).isEqualTo(new Counts(2, 2, 0, 0));
        assertThat(account.overall()).isEqualTo(new Counts(5, 5, 0, 0));
        assertThat(account.failed()).isFalse();
    }

    @Test
    void countsAMessageNotFoundAsMissingInItsStage() {
        AcceptedMessage lost = at(20);
        account.add(at(13), 1);
        account.add(lost, 0);
        assertThat(account.windows().get("stage2")).isEqualTo(new Counts(1, 0, 1, 0));
        assertThat(account.overall()).isEqualTo(new Counts(2, 1, 1, 0));
        assertThat(account.missingExamples()).containsExactly(lost.id() + " in " + lost.dialogId() + " at " + lost.ts());
        assertThat(account.failed()).isTrue();
    }

    @Test
    void countsAMessageFoundTwiceAsStoredAndDuplicated() {
        account.add(at(25), 2);
        assertThat(account.windows().get("stage3")).isEqualTo(new Counts(1, 1, 0, 1));
        assertThat(account.duplicatedExamples()).singleElement().asString().endsWith(": 2 copies");
        assertThat(account.failed()).isTrue();
    }

    @Test
    void aMessageLostInTheWarmUpFailsTheRunToo() {
        account.add(at(2), 0);
        assertThat(account.windows().get("warmup").missing()).isEqualTo(1);
        assertThat(account.failed()).isTrue();
    }

    @Test
    void keepsOnlyAFewExampleIds() {
        for (int i = 0; i < 50; i++) {
            account.add(at(14), 0);
        }
        assertThat(account.overall().missing()).isEqualTo(50);
        assertThat(account.missingExamples()).hasSize(DeliveryAccount.EXAMPLES);
    }
}
