package dev.chat.boot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import dev.chat.common.dialog.DialogStore;
import dev.chat.sqlstore.DialogSchema;
import dev.chat.sqlstore.PostgresDialogStore;
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

/** The SQL store's wiring with {@code chat.store=postgres}, against a real PostgreSQL. */
class PostgresStoreAutoConfigurationTests {

    private static final String COMPONENT = "dialogStoreHealthIndicator";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.application.name=writer")
            .withConfiguration(AutoConfigurations.of(PostgresStoreAutoConfiguration.class,
                    DialogDirectoryAutoConfiguration.class));

    @Test
    void migratesTheDialogTablesBeforeHandingOutTheStoreAndReportsUp() {
        DataSource dataSource = new DriverManagerDataSource(TestPostgres.newDatabase());
        postgres(dataSource).run(context -> {
            DialogStore store = context.getBean(DialogStore.class);
            UUID alice = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            var made = store.makeDialog(alice, bob, UUID.randomUUID(), "x").dialog();

            assertThat(store).isInstanceOf(PostgresDialogStore.class);
            assertThat(context.getBean(DialogDirectory.class).find(bob, alice)).contains(made);
            assertThat(context.getBean(COMPONENT, HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void buildsBootsPooledDataSourceFromSpringDatasourceWhenTheServiceHasNone() {
        runner.withPropertyValues("chat.store=postgres", "spring.datasource.url=" + TestPostgres.newDatabase())
                .run(context -> {
                    assertThat(context).hasSingleBean(DataSource.class);
                    assertThat(context.getBean(DialogStore.class).findDialog(UUID.randomUUID(), UUID.randomUUID()))
                            .isEmpty();
                });
    }

    @Test
    void leavesTheTablesAloneWhenTheServiceDoesNotMigrate() {
        DataSource dataSource = new DriverManagerDataSource(TestPostgres.newDatabase());
        postgres(dataSource).withPropertyValues("chat.dialogs.migrate=false").run(context -> {
            assertThat(context).hasSingleBean(DialogStore.class);
            assertThat(context.getBean(COMPONENT, HealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void isDownWhileTheDialogTablesAreMissing() {
        DataSource dataSource = new DriverManagerDataSource(TestPostgres.newDatabase());
        Health missing = new PostgresStoreHealthIndicator(dataSource).health();
        JdbcClient.create(dataSource).sql("CREATE TABLE dialogs (id uuid); CREATE TABLE messages (id uuid)").update();
        Health present = new PostgresStoreHealthIndicator(dataSource).health();

        assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
        assertThat(missing.getDetails()).containsEntry("store", "postgres")
                .hasEntrySatisfying("reason", reason -> assertThat(reason).asString().contains(DialogSchema.LOCATION));
        assertThat(present.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownWhenPostgresIsUnreachable() {
        DataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + FreePorts.find() + "/chat");
        assertThat(new PostgresStoreHealthIndicator(nowhere).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void failsStartNamingTheServiceAndTheMigrationWhenPostgresIsUnreachable() {
        DataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + FreePorts.find() + "/chat");
        postgres(nowhere).run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("writer: cannot migrate the dialog tables (" + DialogSchema.LOCATION));
    }

    @Test
    void existsOnlyWithThePostgresStore() {
        runner.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/chat"))
                .run(context -> assertThat(context).doesNotHaveBean(COMPONENT).doesNotHaveBean(DialogStore.class)
                        .doesNotHaveBean(DialogDirectory.class));
    }

    @Test
    void backsOffWithoutTheSqlStoreOnTheClassPath() {
        postgres(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/chat"))
                .withClassLoader(new FilteredClassLoader(PostgresDialogStore.class))
                .run(context -> assertThat(context).doesNotHaveBean(COMPONENT).doesNotHaveBean(DialogStore.class));
    }

    private ApplicationContextRunner postgres(DataSource dataSource) {
        return runner.withPropertyValues("chat.store=postgres").withBean(DataSource.class, () -> dataSource);
    }
}
