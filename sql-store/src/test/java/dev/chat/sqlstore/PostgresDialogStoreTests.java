package dev.chat.sqlstore;

import com.zaxxer.hikari.HikariDataSource;
import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.contract.DialogStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The DialogStore contract, on a real PostgreSQL 17 migrated by Flyway as a service would migrate it. */
class PostgresDialogStoreTests extends DialogStoreContract {

    private static HikariDataSource dataSource;
    private static PostgresDialogStore store;

    @BeforeAll
    static void database() {
        dataSource = DialogDatabase.migrated();
        store = new PostgresDialogStore(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected DialogStore store() {
        return store;
    }
}
