package dev.chat.udf;

import java.util.List;

import dev.chat.testsupport.TestRedisNode;

/** Checks on one node of a test cluster, bypassing the binding. */
final class ClusterChecks {

    private ClusterChecks() {
    }

    /** The names of the Functions libraries loaded on {@code node} ({@code FUNCTION LIST}). */
    static List<String> libraries(TestRedisNode node) {
        return node.commands().functionList().stream().map(library -> String.valueOf(library.get("library_name")))
                .toList();
    }
}
