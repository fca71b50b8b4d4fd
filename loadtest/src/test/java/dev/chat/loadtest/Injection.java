package dev.chat.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;

import java.util.ArrayList;
import java.util.List;

import dev.chat.loadtest.profile.Profile;
import dev.chat.loadtest.profile.Stage;
import io.gatling.javaapi.core.ClosedInjectionStep;

/**
 * A profile as Gatling closed-model steps: per stage a ramp at the spawn rate to the stage's users, then
 * that many users until the stage's time is up (a user that ends is replaced at once). Between the warm-up
 * and the first stage, nobody.
 */
final class Injection {

    private Injection() {
    }

    static List<ClosedInjectionStep> closedSteps(Profile profile) {
        List<ClosedInjectionStep> steps = new ArrayList<>();
        add(steps, profile.warmup(), 0);
        steps.add(constantConcurrentUsers(0).during(profile.pauseSeconds()));
        int before = 0;
        for (Stage stage : profile.stages()) {
            add(steps, stage, before);
            before = stage.users();
        }
        return steps;
    }

    private static void add(List<ClosedInjectionStep> steps, Stage stage, int fromUsers) {
        int ramp = stage.rampSeconds(fromUsers);
        steps.add(rampConcurrentUsers(fromUsers).to(stage.users()).during(ramp));
        steps.add(constantConcurrentUsers(stage.users()).during(stage.seconds() - ramp));
    }
}
