package dev.chat.boot.problem;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems with the {@link ProblemType}s for every error a servlet service can answer, whichever layer
 * raises it: Tomcat before any servlet ran ({@link ProblemErrorReportValve}), a filter or the security firewall
 * ({@code /error}, {@link ProblemErrorController}), Spring MVC ({@link ProblemExceptionHandler}, after the service's
 * own advice), the security filter chain ({@link ProblemSecurityHandlers}, which a service hands to its chain) and
 * the service's own filters ({@link ProblemWriter}). Before Boot's error auto-configuration, whose HTML/JSON
 * {@code /error} controller backs off for ours.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, Tomcat.class, JsonMapper.class})
class ProblemAutoConfiguration {

    @Bean
    ProblemErrorPages problemErrorPages() {
        return new ProblemErrorPages();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint")
    static class Security {

        @Bean
        @ConditionalOnMissingBean
        ProblemSecurityHandlers problemSecurityHandlers(ProblemWriter writer) {
            return new ProblemSecurityHandlers(writer);
        }
    }
}
