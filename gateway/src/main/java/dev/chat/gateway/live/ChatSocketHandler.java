package dev.chat.gateway.live;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.RequestIds;
import dev.chat.gateway.message.MessageApi.SendMessageRequest;
import dev.chat.gateway.message.MessageService;
import dev.chat.gateway.problem.ValidationProblems;
import dev.chat.gateway.read.ReadApi.ReadRequest;
import dev.chat.gateway.read.ReadService;
import dev.chat.gateway.security.SocketUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws}: the user (from the handshake's token) sends with {@code send} frames through the same
 * {@link MessageService#send} as HTTP, and gets {@code accepted}/{@code error} answers; {@code read} frames set read
 * markers through {@link ReadService#read} ({@code error} only on refusal); stored messages and read receipts arrive
 * from the fan-out ({@link MessageEventListener}). A frame is handled on the connection's own container thread, so one
 * session has at most one send in flight and its sends are accepted in order, like requests on one HTTP/1.1
 * connection. Bad frames are answered with an {@code error} frame; the connection stays open.
 */
@Component
class ChatSocketHandler extends AbstractWebSocketHandler {

    /** The error frame's code when the user's send budget (shared with HTTP, see {@link MessageService}) is spent. */
    static final String RATE_LIMITED = ProblemType.RATE_LIMITED.slug();

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final String SESSION = ChatSession.class.getName();

    private final SessionRegistry sessions;
    private final MessageService messages;
    private final ReadService reads;
    private final TypingRelay typing;
    private final FrameReader reader;
    private final Frames frames;

    ChatSocketHandler(SessionRegistry sessions, MessageService messages, ReadService reads, TypingRelay typing,
                      JsonMapper json) {
        this.sessions = sessions;
        this.messages = messages;
        this.reads = reads;
        this.typing = typing;
        this.reader = new FrameReader(json);
        this.frames = new Frames(json);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        raw.getAttributes().put(SESSION, sessions.open(raw, SocketUser.of(raw.getAttributes())));
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        ChatSession session = session(raw);
        session.touch(System.currentTimeMillis());
        Object frame;
        try {
            frame = reader.read(message.getPayload());
        } catch (FrameReader.BadFrame e) {
            session.push(frames.text(Frames.Error.of(null, e.code(), e.getMessage())));
            return;
        }
        Object reply;
        if (frame instanceof Frames.Send send) {
            reply = answer(session, "send", () -> Frames.Accepted.of(send.clientId(), messages.send(session.userId(),
                    send.to(), new SendMessageRequest(send.text(), send.clientId()))),
                    (code, detail) -> Frames.Error.of(send.clientId(), code, detail));
        } else if (frame instanceof Frames.Read read) { // no answer: the read receipt pushed to both users follows
            reply = answer(session, "read", () -> {
                reads.read(session.userId(), read.to(), new ReadRequest(read.messageId()));
                return null;
            }, (code, detail) -> new Frames.Error("error", null, code, detail, read.messageId()));
        } else if (frame instanceof Frames.TypingTo to) { // no answer, unless refused
            reply = answer(session, "typing frame", () -> {
                typing.typing(session.userId(), to.to());
                return null;
            }, (code, detail) -> Frames.Error.of(null, code, detail));
        } else {
            reply = Frames.Pong.INSTANCE;
        }
        if (reply != null) {
            session.push(frames.text(reply));
        }
    }

    /**
     * Runs a frame through the same service as its HTTP call, under a request id of its own (as one HTTP request has),
     * and returns its answer frame (null: none). A refusal is the {@code error} frame {@code refused} makes of the
     * problem's code (its type's slug, e.g. {@code rate-limited}) and detail; anything else is logged and an
     * {@code internal-error}.
     */
    private Object answer(ChatSession session, String what, Supplier<Object> action,
                          BiFunction<String, String, Frames.Error> refused) {
        MDC.put(RequestIds.MDC_KEY, RequestIds.create());
        try {
            return action.get();
        } catch (ErrorResponseException e) {
            return refused.apply(code(e.getBody()), e.getBody().getDetail());
        } catch (MethodValidationException e) {
            ProblemDetail problem = ValidationProblems.of(e);
            return refused.apply(code(problem), problem.getDetail());
        } catch (RuntimeException e) {
            log.error("unexpected error on a WebSocket {} of user {}", what, session.userId(), e);
            return refused.apply(ProblemType.INTERNAL_ERROR.slug(), ProblemType.UNEXPECTED);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** The problem's slug, the error frame's {@code code}. */
    private static String code(ProblemDetail problem) {
        String type = String.valueOf(problem.getType());
        return type.startsWith(ProblemType.BASE) ? type.substring(ProblemType.BASE.length())
                : ProblemType.forStatus(problem.getStatus()).slug();
    }

    @Override
    protected void handlePongMessage(WebSocketSession raw, PongMessage message) {
        session(raw).touch(System.currentTimeMillis());
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession raw, BinaryMessage message) {
        ChatSession session = session(raw);
        session.touch(System.currentTimeMillis());
        session.push(frames.text(Frames.Error.of(null, ProblemType.MALFORMED_JSON.slug(), "binary frames are not supported; send JSON text frames")));
    }

    @Override
    public void handleTransportError(WebSocketSession raw, Throwable exception) {
        log.debug("WebSocket transport error on session {}: {}", raw.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        if (raw.getAttributes().get(SESSION) instanceof ChatSession session) {
            sessions.remove(session);
        }
    }

    private static ChatSession session(WebSocketSession raw) {
        return (ChatSession) raw.getAttributes().get(SESSION);
    }
}
