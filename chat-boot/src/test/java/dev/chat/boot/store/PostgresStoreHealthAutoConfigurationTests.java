package dev.chat.boot.store;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import dev.chat.sqlstore.DialogSchema;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The {@code dialogStore} health component with {@code chat.store=postgres}, against a real PostgreSQL. */
class PostgresStoreHealthAutoConfigurationTests {

    private static final String COMPONENT = "dialogStoreHealthIndicator";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PostgresStoreHealthAutoConfiguration.class));

    @Test
    void isDownUntilTheDialogTablesExistThenUp() {
        DataSource dataSource = new DriverManagerDataSource(TestPostgres.newDatabase());
        postgres(dataSource).run(context -> {
            HealthIndicator indicator = context.getBean(COMPONENT, HealthIndicator.class);

            Health missing = indicator.health();
            JdbcClient.create(dataSource).sql("CREATE TABLE dialogs (id uuid); CREATE TABLE messages (id uuid)").update();
            Health migrated = indicator.health();

            assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
            assertThat(missing.getDetails()).containsEntry("store", "postgres")
                    .hasEntrySatisfying("reason", reason -> assertThat(reason).asString().contains(DialogSchema.LOCATION));
            assertThat(migrated.getStatus()).isEqualTo(Status.UP);
            assertThat(migrated.getDetails()).containsEntry("store", "postgres");
        });
    }

    @Test
    void isDownWhenPostgresIsUnreachable() {
        DataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + FreePorts.find() + "/chat");
        postgres(nowhere).run(context ->
                assertThat(context.getBean(COMPONENT, HealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN));
    }

    @Test
    void leavesTheComponentToTheServiceWithTheRedisStore() {
        runner.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/chat"))
                .run(context -> assertThat(context).doesNotHaveBean(COMPONENT));
    }

    @Test
    void backsOffWithoutADataSource() {
        runner.withPropertyValues("chat.store=postgres").run(context -> assertThat(context).doesNotHaveBean(COMPONENT));
    }

    @Test
    void backsOffWithoutTheSqlStoreOnTheClassPath() {
        postgres(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/chat"))
                .withClassLoader(new FilteredClassLoader(DialogSchema.class))
                .run(context -> assertThat(context).doesNotHaveBean(COMPONENT));
    }

    private ApplicationContextRunner postgres(DataSource dataSource) {
        return runner.withPropertyValues("chat.store=postgres").withBean(DataSource.class, () -> dataSource);
    }
}
