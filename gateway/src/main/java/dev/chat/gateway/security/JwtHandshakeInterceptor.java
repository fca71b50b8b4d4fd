package dev.chat.gateway.security;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.chat.boot.problem.ProblemType;
import dev.chat.boot.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Authenticates the {@code /ws} handshake with the resource server's own {@link JwtDecoder}: the token comes from
 * {@code Authorization: Bearer …} or, because browsers cannot set headers on a WebSocket, from
 * {@code ?access_token=…}. Without a valid one the handshake is answered {@code 401} with the same problem
 * ({@code https://chat.dev/problems/unauthorized}) and {@code WWW-Authenticate} header as any API call, and no
 * WebSocket is opened.
 */
public final class JwtHandshakeInterceptor implements HandshakeInterceptor {

    static final String QUERY_PARAMETER = "access_token";
    private static final String BEARER = "bearer ";

    private final JwtDecoder decoder;
    private final ProblemWriter problems;

    public JwtHandshakeInterceptor(JwtDecoder decoder, ProblemWriter problems) {
        this.decoder = decoder;
        this.problems = problems;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        String token = token(request);
        if (token == null) {
            return refuse(request, response, null, "authentication required: send 'Authorization: Bearer <token>' or ?"
                    + QUERY_PARAMETER + "=<token> with a token from POST /login");
        }
        try {
            Jwt jwt = decoder.decode(token);
            attributes.put(SocketUser.ATTRIBUTE, new SocketUser(UUID.fromString(jwt.getSubject()), jwt.getExpiresAt()));
            return true;
        } catch (JwtException e) {
            return refuse(request, response, "invalid_token", "invalid bearer token: " + describe(e));
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    /** The header wins; the query parameter is for browsers, which cannot send it. */
    private static String token(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return blankToNull(header.substring(BEARER.length()).trim());
        }
        if (request instanceof ServletServerHttpRequest servlet) {
            return blankToNull(servlet.getServletRequest().getParameter(QUERY_PARAMETER));
        }
        return null;
    }

    private boolean refuse(ServerHttpRequest request, ServerHttpResponse response, String error, String detail)
            throws IOException {
        HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        HttpServletResponse servletResponse = ((ServletServerHttpResponse) response).getServletResponse();
        servletResponse.setHeader(HttpHeaders.WWW_AUTHENTICATE, error == null ? "Bearer"
                : "Bearer error=\"" + error + "\", error_description=\"" + detail.replace("\"", "'") + "\"");
        problems.write(servletRequest, servletResponse, ProblemType.UNAUTHORIZED.problem(detail));
        return false;
    }

    private static String describe(JwtException e) {
        if (e instanceof JwtValidationException invalid && !invalid.getErrors().isEmpty()) {
            return invalid.getErrors().stream()
                    .map(error -> error.getDescription() != null ? error.getDescription() : error.getErrorCode())
                    .collect(Collectors.joining("; "));
        }
        return "the token is malformed or not signed by this service";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
