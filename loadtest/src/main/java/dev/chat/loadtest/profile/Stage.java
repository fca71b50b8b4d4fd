package dev.chat.loadtest.profile;

/**
 * One stage of a load profile, in the customer's (Locust) terms: grow to {@code users} concurrent users,
 * starting {@code spawnPerSecond} new ones a second, and keep them busy until the stage has lasted
 * {@code seconds} in all (the ramp is part of the stage).
 *
 * @param name           label in progress lines and reports, e.g. {@code "1000 users"}
 * @param users          concurrent users at the end of the ramp
 * @param spawnPerSecond how fast users are added (the customer's spawn rate)
 * @param seconds        length of the whole stage, ramp included
 */
public record Stage(String name, int users, int spawnPerSecond, int seconds) {

    public Stage {
        if (users < 1 || spawnPerSecond < 1 || seconds < 1) {
            throw new IllegalArgumentException("loadtest: stage " + name + " needs users, spawn rate and seconds >= 1");
        }
    }

    static Stage of(int users, int spawnPerSecond, int seconds) {
        return new Stage(users + (users == 1 ? " user" : " users"), users, spawnPerSecond, seconds);
    }

    /** Seconds needed to grow from {@code fromUsers} to {@link #users} at the spawn rate (at least 1). */
    public int rampSeconds(int fromUsers) {
        int added = Math.max(0, users - fromUsers);
        int ramp = (added + spawnPerSecond - 1) / spawnPerSecond;
        if (ramp >= seconds) {
            throw new IllegalArgumentException("loadtest: stage " + name + " ramps for " + ramp + " s but lasts only " + seconds + " s");
        }
        return Math.max(1, ramp);
    }
}
