package dev.chat.sqlstore;

/**
 * Where the dialog tables' Flyway migrations live and how a service runs them. The gateway's user
 * migrations and these are separate histories, so the two can be applied by different services, in any
 * order, to one database:
 * <pre>
 * spring.flyway.locations=classpath:db/dialogs          # {@link #LOCATION}
 * spring.flyway.table=flyway_dialogs_history            # {@link #HISTORY_TABLE}
 * spring.flyway.baseline-on-migrate=true                # {@link #BASELINE_ON_MIGRATE}
 * spring.flyway.baseline-version=0                      # {@link #BASELINE_VERSION}
 * </pre>
 * or {@code Flyway.configure().locations(LOCATION).table(HISTORY_TABLE).baselineOnMigrate(true)
 * .baselineVersion(BASELINE_VERSION)}.
 */
public final class DialogSchema {

    /** Flyway location of the dialog migrations ({@code sql-store/src/main/resources/db/dialogs}). */
    public static final String LOCATION = "classpath:db/dialogs";

    /** The dialog migrations' own history table; never Flyway's default {@code flyway_schema_history}. */
    public static final String HISTORY_TABLE = "flyway_dialogs_history";

    /**
     * When the other history's tables are already in the schema, Flyway refuses to start a new history on
     * a non-empty schema unless told to baseline it first.
     */
    public static final boolean BASELINE_ON_MIGRATE = true;

    /** Baseline below V1, so that baselining a schema that holds other tables still applies V1 and on. */
    public static final String BASELINE_VERSION = "0";

    private DialogSchema() {
    }
}
