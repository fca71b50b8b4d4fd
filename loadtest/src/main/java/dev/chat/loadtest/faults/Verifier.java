package dev.chat.loadtest.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares what the senders were told with what the readers return, dialog by dialog. */
final class Verifier {

    private final Pattern mine;

    Verifier(String run) {
        this.mine = Pattern.compile("^fault " + Pattern.quote(run) + " d(\\d+) n(\\d+)$");
    }

    /** @param histories per dialog index, the stored messages oldest first */
    Counts verify(Map<Integer, List<Sent>> sent, Map<Integer, List<ChatApi.Stored>> histories) {
        int total = 0, accepted = 0, onRetry = 0, stored = 0, lost = 0, duplicated = 0, outOfOrder = 0;
        int rejectedButStored = 0, idMismatch = 0;
        long lostFirst = -1, lostLast = -1;
        Map<Integer, Integer> rejected = new TreeMap<>();
        for (Map.Entry<Integer, List<Sent>> e : sent.entrySet()) {
            Map<Integer, List<ChatApi.Stored>> bySeq = bySeq(e.getKey(), histories.getOrDefault(e.getKey(), List.of()));
            Map<Integer, Sent> acceptedBySeq = new HashMap<>();
            for (Sent s : e.getValue()) {
                total++;
                List<ChatApi.Stored> copies = bySeq.getOrDefault(s.seq(), List.of());
                stored += copies.isEmpty() ? 0 : 1;
                duplicated += Math.max(0, copies.size() - 1);
                if (!s.accepted()) {
                    rejected.merge(s.status(), 1, Integer::sum);
                    rejectedButStored += copies.isEmpty() ? 0 : 1;
                    continue;
                }
                accepted++;
                onRetry += s.attempts() > 1 ? 1 : 0;
                acceptedBySeq.put(s.seq(), s);
                if (copies.isEmpty()) {
                    lost++;
                    lostFirst = lostFirst < 0 ? s.atMillis() : Math.min(lostFirst, s.atMillis());
                    lostLast = Math.max(lostLast, s.atMillis());
                } else if (copies.stream().anyMatch(c -> !c.id().equals(s.messageId()))) {
                    idMismatch++;
                }
            }
            outOfOrder += outOfOrder(e.getKey(), histories.getOrDefault(e.getKey(), List.of()), acceptedBySeq);
        }
        return new Counts(total, accepted, onRetry, rejected, stored, lost, duplicated, outOfOrder, rejectedButStored,
                idMismatch, lostFirst, lostLast);
    }

    private Map<Integer, List<ChatApi.Stored>> bySeq(int dialog, List<ChatApi.Stored> history) {
        Map<Integer, List<ChatApi.Stored>> bySeq = new HashMap<>();
        for (ChatApi.Stored m : history) {
            Matcher matcher = mine.matcher(m.text());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) == dialog) {
                bySeq.computeIfAbsent(Integer.parseInt(matcher.group(2)), k -> new java.util.ArrayList<>()).add(m);
            }
        }
        return bySeq;
    }

    /** Accepted messages in stored order whose sequence number is below one stored before them. */
    private int outOfOrder(int dialog, List<ChatApi.Stored> history, Map<Integer, Sent> accepted) {
        int highest = 0, count = 0;
        for (ChatApi.Stored m : history) {
            Matcher matcher = mine.matcher(m.text());
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != dialog) {
                continue;
            }
            int seq = Integer.parseInt(matcher.group(2));
            if (!accepted.containsKey(seq)) {
                continue;
            }
            if (seq < highest) {
                count++;
            }
            highest = Math.max(highest, seq);
        }
        return count;
    }
}
