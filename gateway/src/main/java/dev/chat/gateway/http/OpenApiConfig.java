package dev.chat.gateway.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The document served at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "chat gateway", version = "v1",
                description = "Users, login and friends (Postgres), dialog creation, sending messages and read markers "
                        + "(published to Kafka; 202 once Kafka acknowledged). The paths /login, /user/*, /friend/* and "
                        + "/dialog/{user_id}/send are compatible with the OTUS social-network API; /api/v1/* is ours. "
                        + "Real-time delivery is the WebSocket at /ws (docs/websocket.md). History is served by the "
                        + "reader. Errors are RFC 9457 problems with types under https://chat.dev/problems/."),
        security = @SecurityRequirement(name = OpenApiConfig.BEARER))
@SecurityScheme(name = OpenApiConfig.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "HS256 JWT from POST /login; subject = user id")
class OpenApiConfig {

    static final String BEARER = "bearerAuth";
}
