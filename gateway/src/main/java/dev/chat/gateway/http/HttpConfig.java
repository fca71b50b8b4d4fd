package dev.chat.gateway.http;


import dev.chat.boot.problem.ProblemWriter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/** How the gateway reads HTTP requests: bodies bounded before anything reads them, JSON strict about types and text. */
@Configuration(proxyBeanMethods = false)
class HttpConfig {

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

    /** Before the security chain (order -100), so a huge body is refused without reading it. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(HttpProperties http, ProblemWriter writer) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(http.maxBodySize().toBytes(), writer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
