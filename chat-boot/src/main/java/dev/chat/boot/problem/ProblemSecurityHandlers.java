package dev.chat.boot.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security filter chain's 401 and 403 as problems, for a service to hand to {@code oauth2ResourceServer()} and
 * {@code exceptionHandling()}. Spring's bearer-token handlers still set the {@code WWW-Authenticate} header
 * (RFC 6750); this adds the body they leave empty.
 */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

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
        writer.write(request, response, ProblemType.UNAUTHORIZED.problem(detail(ex)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        bearerDenied.handle(request, response, ex);
        writer.write(request, response, ProblemType.FORBIDDEN.problem(
                "the token is valid but does not allow " + request.getMethod() + " " + request.getRequestURI()));
    }

    private static String detail(AuthenticationException ex) {
        if (ex instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return "invalid bearer token: " + (description != null ? description : oauth.getError().getErrorCode());
        }
        return "authentication required: send 'Authorization: Bearer <token>' with a token from the gateway's POST /login";
    }
}
