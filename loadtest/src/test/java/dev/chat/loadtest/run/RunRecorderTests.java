package dev.chat.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.chat.loadtest.profile.Profile;
import org.junit.jupiter.api.Test;

class RunRecorderTests {

    private static final long START = 1_000_000L;

    private final Profile profile = Profile.SHORT; // warm-up 10 s, pause 2 s, stages 5 + 5 + 10 + 10 s
    private final RunRecorder recorder = new RunRecorder(profile, List.of("read", "send"));

    @Test
    void leavesTheWarmUpOutOfTheStagesAndTheOverallFigures() {
        recorder.startIfUnset(START);
        recorder.record("read", START + 1_000, 50, null);
        recorder.record("read", START + 13_000, 5, null);
        recorder.record("read", START + 13_500, 7, "status 503");
        RunResults results = recorder.results();
        assertThat(results.warmup().get("read").requests()).isEqualTo(1);
        assertThat(results.perStage().get(0).get("read").requests()).isEqualTo(2);
        assertThat(results.perStage().get(0).get("read").errors()).isEqualTo(1);
        assertThat(results.perStage().get(0).get("read").errorKinds()).containsEntry("status 503", 1L);
        assertThat(results.overall().get("read").requests()).isEqualTo(2);
        assertThat(results.overall().get("read").p50()).isEqualTo(5);
        assertThat(results.series().get("read").get(1).requests()).isEqualTo(2);
    }

    @Test
    void ratesAreRequestsOverTheStagesLength() {
        recorder.startIfUnset(START);
        for (int i = 0; i < 50; i++) {
            recorder.record("send", START + 12_000 + i * 100, 3, null);
        }
        assertThat(recorder.results().perStage().get(0).get("send").perSecond()).isEqualTo(10.0);
    }

    @Test
    void warmUpUsersStopWithTheWarmUpTheOthersWithTheRun() {
        recorder.startIfUnset(START);
        recorder.startIfUnset(START + 5); // only the first user sets the start
        assertThat(recorder.deadlineFor(START + 9_000)).isEqualTo(START + 10_000);
        assertThat(recorder.deadlineFor(START + 11_000)).isEqualTo(START + 10_000);
        assertThat(recorder.deadlineFor(START + 12_000)).isEqualTo(START + 42_000);
        assertThat(recorder.runEndMs()).isEqualTo(START + 42_000);
    }

    @Test
    void namesTheStageAsAGatlingGroup() {
        recorder.startIfUnset(START);
        assertThat(recorder.stageLabel(START + 100)).isEqualTo("warm-up");
        assertThat(recorder.stageLabel(START + 33_000)).isEqualTo("stage 4: 100 users");
    }
}
