package dev.chat.gateway.live;

import dev.chat.boot.problem.ProblemWriter;
import dev.chat.gateway.security.JwtHandshakeInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Plain WebSocket (JSON text frames, no STOMP) at {@value #PATH}, handled by the one {@link WebSocketHandler} bean
 * (the {@code live} feature), behind the JWT handshake check and the origin check.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketConfig implements WebSocketConfigurer {

    public static final String PATH = "/ws";

    private final WebSocketHandler handler;
    private final JwtDecoder jwtDecoder;
    private final ProblemWriter problems;
    private final WebSocketProperties ws;

    WebSocketConfig(WebSocketHandler handler, JwtDecoder jwtDecoder, ProblemWriter problems, WebSocketProperties ws) {
        this.handler = handler;
        this.jwtDecoder = jwtDecoder;
        this.problems = problems;
        this.ws = ws;
    }

    /** No allowed origins configured = same origin only (Spring's default); the token check runs first. */
    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .addInterceptors(new JwtHandshakeInterceptor(jwtDecoder, problems))
                .setAllowedOrigins(ws.allowedOrigins().toArray(String[]::new));
    }

    /**
     * Tomcat's limits: a text (or binary) frame above {@code chat.ws.max-text-frame} closes the session with 1009;
     * the container's own idle timeout is only a backstop behind the handler's ping/idle check.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize((int) ws.maxTextFrame().toBytes());
        container.setMaxBinaryMessageBufferSize((int) ws.maxTextFrame().toBytes());
        container.setMaxSessionIdleTimeout(ws.idleTimeout().plus(ws.pingInterval()).multipliedBy(2).toMillis());
        container.setAsyncSendTimeout(ws.sendTimeLimit().toMillis());
        return container;
    }
}
