package dev.chat.loadtest.faults;

import java.util.UUID;

/** One dialog of the run: two fresh users with tokens, the gateway its sends go to and the reader it is checked on. */
record Pair(int index, UUID a, String tokenA, UUID b, String tokenB, String gateway, String reader) {

    /** Messages alternate between the two users, so per-dialog order is checked across authors. */
    UUID author(int seq) {
        return seq % 2 == 1 ? a : b;
    }

    UUID friendOf(int seq) {
        return seq % 2 == 1 ? b : a;
    }

    String tokenOf(int seq) {
        return seq % 2 == 1 ? tokenA : tokenB;
    }
}
