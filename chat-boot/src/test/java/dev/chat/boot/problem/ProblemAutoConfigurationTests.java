package dev.chat.boot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/** What a servlet service gets: one /error controller (Boot's backs off), the Tomcat valve, the shared handlers. */
class ProblemAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProblemAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                    ErrorMvcAutoConfiguration.class))
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build());

    @Test
    void replacesBootsErrorControllerAndInstallsTheValveAndTheHandlers() {
        runner.run(context -> {
            assertThat(context).getBean(ErrorController.class).isInstanceOf(ProblemErrorController.class);
            assertThat(context).hasSingleBean(ProblemErrorPages.class)
                    .hasSingleBean(ProblemExceptionHandler.class)
                    .hasSingleBean(ProblemWriter.class)
                    .hasSingleBean(ProblemSecurityHandlers.class);
        });
    }

    @Test
    void withoutSpringSecurityThereAreNoSecurityHandlers() {
        runner.withClassLoader(new FilteredClassLoader(BearerTokenAuthenticationEntryPoint.class)).run(context -> {
            assertThat(context).hasSingleBean(ProblemErrorController.class).doesNotHaveBean(ProblemSecurityHandlers.class);
        });
    }

    @Test
    void aServiceThatIsNotAServletWebAppGetsNothing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProblemAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ProblemErrorController.class));
    }
}
