package dev.chat.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node's {@code CLUSTER NODES} answer, reduced to what {@link TestRedisCluster} waits for: who is in the
 * cluster, who replicates whom, and who owns which slots.
 *
 * <p>Line format: {@code <id> <ip:port@bus> <flags> <primary-id|-> <ping> <pong> <epoch> <link> <slot>…},
 * a slot entry being {@code n}, {@code a-b}, or {@code [n->-id]} / {@code [n-<-id]} while a slot migrates.
 */
record ClusterView(List<Line> lines) {

    record Line(String id, String flags, String primaryId, String link, List<String> slots) {

        /** Handshake, no address, failing or disconnected: the cluster has not settled on this node yet. */
        boolean settled() {
            return "connected".equals(link) && !flags.contains("handshake") && !flags.contains("noaddr")
                    && !flags.contains("fail");
        }

        boolean owns(int slot) {
            for (String range : slots) {
                if (range.startsWith("[")) {
                    continue;
                }
                int dash = range.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
                if (from <= slot && slot <= to) {
                    return true;
                }
            }
            return false;
        }
    }

    static ClusterView parse(String clusterNodes) {
        List<Line> lines = new ArrayList<>();
        for (String text : clusterNodes.split("\r?\n")) {
            if (text.isBlank()) {
                continue;
            }
            String[] f = text.trim().split(" ");
            lines.add(new Line(f[0], f[2], f[3], f[7], List.of(f).subList(8, f.length)));
        }
        return new ClusterView(List.copyOf(lines));
    }

    /** All {@code expected} nodes known and settled. */
    boolean settled(int expected) {
        return lines.size() == expected && lines.stream().allMatch(Line::settled);
    }

    /**
     * What all nodes must agree on (ids, roles, slots), independent of which node answered; two views with
     * the same agreement see the same cluster.
     */
    String agreement() {
        List<String> all = new ArrayList<>();
        for (Line line : lines) {
            all.add(line.id() + " " + line.primaryId() + " " + String.join(" ", line.slots()));
        }
        Collections.sort(all);
        return String.join("\n", all);
    }

    /** The ids of the primaries in this view. */
    List<String> primaryIds() {
        return lines.stream().filter(line -> line.flags().contains("master")).map(Line::id).toList();
    }

    /** The ids of the primaries this view does not flag as failing. */
    List<String> livePrimaryIds() {
        return lines.stream().filter(line -> line.flags().contains("master") && !line.flags().contains("fail"))
                .map(Line::id).toList();
    }

    /** The id of the node owning {@code slot} in this view, or null. */
    String ownerOf(int slot) {
        return lines.stream().filter(line -> line.owns(slot)).map(Line::id).findFirst().orElse(null);
    }
}
