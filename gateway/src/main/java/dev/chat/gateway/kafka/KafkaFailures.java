package dev.chat.gateway.kafka;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * How the gateway's publishers tell "Kafka is away" (every publish fails alike: logged at DEBUG, counted in the
 * "Kafka unreachable" report) from a refusal worth a WARN each, and what to log of a failure.
 */
final class KafkaFailures {

    private KafkaFailures() {
    }

    /** A timeout, an interruption or an error Kafka itself calls retriable, anywhere in the cause chain. */
    static boolean isKafkaAway(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof TimeoutException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message, else its class name. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
