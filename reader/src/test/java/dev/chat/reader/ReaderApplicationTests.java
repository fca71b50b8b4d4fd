package dev.chat.reader;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

class ReaderApplicationTests extends ReaderApiTestSupport {

    @Value("${spring.application.name:missing}")
    String name;

    @Value("${chat.reader.otus-list-limit:0}")
    int otusListLimit;

    @Autowired
    ApplicationContext context;

    @Test
    void needsNoDatabaseWithTheRedisStore() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.flywaydb.core.Flyway.class)).isEmpty();
    }

    @Test
    void loadsItsOwnConfigFile() {
        assertThat(name).isEqualTo("reader");
        assertThat(otusListLimit).isEqualTo(100);
    }

    @Test
    void isReadyOnlyWithTheChatFunctionsLoaded() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void publishesTheOpenApiDocumentWithBothApis() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/dialogs/{friend_id}/messages'].get.tags[0]").isEqualTo("history")
                .jsonPath("$.paths['/dialog/{user_id}/list'].get.tags[0]").isEqualTo("OTUS compatible")
                .jsonPath("$.paths['/dialog/{user_id}/list'].get.responses['404']").exists()
                .jsonPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer")
                .jsonPath("$.components.schemas.MessagePage.properties.older").exists()
                .jsonPath("$.components.schemas.Message.properties.author_id").exists();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
