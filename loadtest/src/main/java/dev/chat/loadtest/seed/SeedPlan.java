package dev.chat.loadtest.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who is friends with whom, decided up front so that Postgres (friendships) and the dialog store agree:
 * users on a ring, user {@code i} opens a dialog with each of the next {@code dialogsPerUser} users. Every
 * pair is distinct because {@code users > 2 * dialogsPerUser}; every user has {@code 2 * dialogsPerUser}
 * friends, each of them with a dialog.
 */
final class SeedPlan {

    private final UUID[] users;
    private final int dialogsPerUser;

    SeedPlan(int userCount, int dialogsPerUser) {
        this.users = new UUID[userCount];
        for (int i = 0; i < userCount; i++) {
            users[i] = UUID.randomUUID();
        }
        this.dialogsPerUser = dialogsPerUser;
    }

    int userCount() {
        return users.length;
    }

    UUID user(int index) {
        return users[index];
    }

    /** Dialog {@code d} (0-based, {@code users * dialogsPerUser} of them): its owner. */
    UUID owner(long dialog) {
        return users[(int) (dialog / dialogsPerUser)];
    }

    /** Dialog {@code d}: the friend it was opened with. */
    UUID friend(long dialog) {
        int owner = (int) (dialog / dialogsPerUser);
        int step = (int) (dialog % dialogsPerUser) + 1;
        return users[(owner + step) % users.length];
    }

    long dialogCount() {
        return (long) users.length * dialogsPerUser;
    }

    /** Everybody user {@code i} has a dialog with: the next and the previous {@code dialogsPerUser} users. */
    List<UUID> friendsOf(int index) {
        List<UUID> friends = new ArrayList<>(2 * dialogsPerUser);
        for (int step = 1; step <= dialogsPerUser; step++) {
            friends.add(users[(index + step) % users.length]);
            friends.add(users[Math.floorMod(index - step, users.length)]);
        }
        return friends;
    }
}
