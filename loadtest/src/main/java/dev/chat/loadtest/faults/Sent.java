package dev.chat.loadtest.faults;

/**
 * What the sender knows about one message: its final HTTP status after retries with the same {@code client_id},
 * the id the gateway answered with, and when (milliseconds since the traffic started).
 *
 * @param status   the last attempt's status, or {@link ChatApi#NO_ANSWER}
 * @param attempts 1 when the first attempt answered
 */
record Sent(int dialog, int seq, String text, int status, int attempts, String messageId, long atMillis, String problemType) {

    boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** "fault <run> d<dialog> n<seq>": unique per run, parsed back from the stored text. */
    static String text(String run, int dialog, int seq) {
        return "fault " + run + " d" + dialog + " n" + seq;
    }
}
