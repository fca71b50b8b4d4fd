package dev.chat.loadtest.faults;

import java.util.Map;

/**
 * The verdict of one run, message by message.
 *
 * @param sent              messages the senders tried (each once, retries with the same client_id included)
 * @param accepted          answered 2xx (possibly after a retry)
 * @param acceptedOnRetry   of those, accepted on the second or third attempt
 * @param rejected          never answered 2xx, by final status ({@code -1}: no answer)
 * @param stored            distinct messages of the run found in the history
 * @param lost              accepted but not stored
 * @param duplicated        extra copies of a message in the history
 * @param outOfOrder        accepted messages stored before an accepted message sent earlier in the same dialog
 * @param rejectedButStored not accepted, yet stored (a 503 whose command Kafka did take after all)
 * @param idMismatch        stored under another id than the gateway answered with
 * @param lostFirstMs       when the first lost message was answered (ms after the traffic started), -1 if none
 * @param lostLastMs        when the last lost message was answered, -1 if none
 */
record Counts(int sent, int accepted, int acceptedOnRetry, Map<Integer, Integer> rejected, int stored, int lost,
              int duplicated, int outOfOrder, int rejectedButStored, int idMismatch, long lostFirstMs, long lostLastMs) {

    int rejectedTotal() {
        return rejected.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every accepted message stored exactly once, in order; nothing that was refused was stored. */
    boolean intact() {
        return lost == 0 && duplicated == 0 && outOfOrder == 0 && rejectedButStored == 0 && idMismatch == 0;
    }
}
