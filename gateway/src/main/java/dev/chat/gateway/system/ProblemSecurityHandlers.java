package dev.chat.gateway.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filter chain as problems. The bearer-token handlers still set the
 * {@code WWW-Authenticate} header (RFC 6750); we only add the body, which they leave empty.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ProblemWriter writer;

    ProblemSecurityHandlers(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        bearerEntryPoint.commence(request, response, ex);
        writer.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, detail(ex)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        bearerDenied.handle(request, response, ex);
        writer.write(request, response, Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                "the token is valid but does not allow " + request.getMethod() + " " + request.getRequestURI()));
    }

    private static String detail(AuthenticationException ex) {
        if (ex instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return "invalid bearer token: " + (description != null ? description : oauth.getError().getErrorCode());
        }
        return "authentication required: send 'Authorization: Bearer <token>' with a token from POST /login";
    }
}
