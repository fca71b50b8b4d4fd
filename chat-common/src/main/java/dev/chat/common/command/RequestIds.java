package dev.chat.common.command;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id that follows a message from the gateway's request to the writer's log lines: the gateway takes
 * the client's {@value #HTTP_HEADER} (or makes one), puts it in its logging MDC under {@value #MDC_KEY} and on
 * the command's Kafka record as header {@value #KAFKA_HEADER}; the writer puts it back in its MDC while it
 * handles the record. Together with {@code messageId} and {@code dialogId}, which both services log too, one
 * grep finds a message's whole path.
 */
public final class RequestIds {

    public static final String HTTP_HEADER = "X-Request-Id";
    public static final String KAFKA_HEADER = "chat-request-id";
    public static final String MDC_KEY = "requestId";

    /** What a client may send: short, and nothing that could forge a log line or a header. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The client's id when it is acceptable, else a fresh one: a bad id is replaced, never an error. */
    public static String acceptOrCreate(String fromClient) {
        return fromClient != null && ACCEPTED.matcher(fromClient).matches() ? fromClient : create();
    }

    public static String create() {
        return UUID.randomUUID().toString();
    }
}
