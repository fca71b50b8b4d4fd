package dev.chat.gateway.system;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/** Resolves {@link Caller} parameters from the verified JWT; makes JSON reading strict about types. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** {@code "text": 42} is a wrong type, not the string "42": no scalar is silently turned into a string. */
    @Bean
    JsonMapperBuilderCustomizer strictStrings() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** A string with an unpaired surrogate is refused rather than stored as something else (see {@link WellFormedStrings}). */
    @Bean
    JsonMapperBuilderCustomizer wellFormedStrings() {
        return builder -> builder.addModule(new SimpleModule("well-formed-strings").addDeserializer(String.class, new WellFormedStrings()));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    private static final class CallerResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
                // the security chain lets no unauthenticated request reach a handler that asks for the caller
                throw new IllegalStateException("no verified token for a handler that needs the caller");
            }
            return new Caller(UUID.fromString(jwt.getSubject()));
        }
    }
}
