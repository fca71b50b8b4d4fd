package dev.chat.loadtest.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileTests {

    @Test
    void fullIsTheCustomersFourStagesAfterTheWarmUp() {
        Profile full = Profile.FULL;
        assertThat(full.stages()).extracting(Stage::users, Stage::spawnPerSecond, Stage::seconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, 60), org.assertj.core.groups.Tuple.tuple(10, 1, 60),
                        org.assertj.core.groups.Tuple.tuple(100, 10, 90), org.assertj.core.groups.Tuple.tuple(1000, 50, 90));
        assertThat(full.measuredStart()).isEqualTo(65);
        assertThat(full.measuredSeconds()).isEqualTo(300);
        assertThat(full.end()).isEqualTo(365);
    }

    @Test
    void rampsTakeTheSpawnRateFromThePreviousStagesUsers() {
        assertThat(Profile.FULL.stages().get(1).rampSeconds(1)).isEqualTo(9);
        assertThat(Profile.FULL.stages().get(2).rampSeconds(10)).isEqualTo(9);
        assertThat(Profile.FULL.stages().get(3).rampSeconds(100)).isEqualTo(18);
        assertThat(Profile.FULL.usersBefore()).containsExactly(0, 1, 10, 100);
    }

    @Test
    void filesMomentsIntoTheWarmUpOrTheirStage() {
        Profile full = Profile.FULL;
        assertThat(full.stageAt(0)).isEqualTo(-1);
        assertThat(full.stageAt(64.9)).isEqualTo(-1);
        assertThat(full.stageAt(65)).isZero();
        assertThat(full.stageAt(125)).isEqualTo(1);
        assertThat(full.stageAt(274.9)).isEqualTo(2);
        assertThat(full.stageAt(275)).isEqualTo(3);
        assertThat(full.stageAt(400)).isEqualTo(3);
    }

    @Test
    void readsCustomProfiles() {
        Profile p = Profile.named("custom:50x30;1000/50/40");
        assertThat(p.warmup().users()).isEqualTo(50);
        assertThat(p.warmup().seconds()).isEqualTo(30);
        assertThat(p.stages()).singleElement().satisfies(s -> assertThat(s.users()).isEqualTo(1000));
        assertThatThrownBy(() -> Profile.named("custom:nonsense")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Profile.named("medium")).hasMessageContaining("full, short or custom");
    }

    @Test
    void rejectsAStageShorterThanItsRamp() {
        assertThatThrownBy(() -> new Stage("x", 1000, 10, 50).rampSeconds(0)).hasMessageContaining("ramps for 100 s");
    }
}
