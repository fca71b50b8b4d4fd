package dev.chat.sqlstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chat.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** A fresh database on the test PostgreSQL, pooled, migrated the way a service migrates it. */
final class DialogDatabase {

    private DialogDatabase() {
    }

    /** A pool on a new empty database; the caller closes it. */
    static HikariDataSource empty() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestPostgres.newDatabase());
        config.setMaximumPoolSize(8);
        config.setPoolName("sql-store-test");
        return new HikariDataSource(config);
    }

    /** A pool on a new database holding the dialog tables. */
    static HikariDataSource migrated() {
        HikariDataSource dataSource = empty();
        migrate(dataSource);
        return dataSource;
    }

    static MigrateResult migrate(HikariDataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(DialogSchema.LOCATION)
                .table(DialogSchema.HISTORY_TABLE)
                .baselineOnMigrate(DialogSchema.BASELINE_ON_MIGRATE)
                .baselineVersion(DialogSchema.BASELINE_VERSION)
                .load()
                .migrate();
    }
}
