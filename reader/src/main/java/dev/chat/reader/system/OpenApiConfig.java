package dev.chat.reader.system;

import dev.chat.boot.problem.ProblemType;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Configuration;

/** The document served at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "chat reader", version = "v1",
                description = "Dialog history, read straight from Redis Functions (show_messages via FCALL_RO). "
                        + "Errors are RFC 9457 problems (application/problem+json) with stable types under "
                        + ProblemType.BASE + "."),
        security = @SecurityRequirement(name = OpenApiConfig.BEARER),
        tags = {
                @Tag(name = OpenApiConfig.HISTORY_TAG, description = "Cursor-paged dialog history"),
                @Tag(name = OpenApiConfig.OTUS_TAG,
                        description = "Compatible with the OTUS social-network API (/dialog/{user_id}/list)")
        })
@SecurityScheme(name = OpenApiConfig.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "HS256 JWT from the gateway's /login; subject = user id")
public class OpenApiConfig {

    public static final String BEARER = "bearerAuth";
    public static final String HISTORY_TAG = "history";
    public static final String OTUS_TAG = "OTUS compatible";
}
