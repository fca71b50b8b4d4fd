package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DeliveryOptionsTests {

    private static final String[] FILES = {"--accepted", "a.tsv", "--results", "r.json", "--out", "d.json"};

    private static String[] args(String... more) {
        String[] all = new String[FILES.length + more.length];
        System.arraycopy(FILES, 0, all, 0, FILES.length);
        System.arraycopy(more, 0, all, FILES.length, more.length);
        return all;
    }

    @Test
    void takesPostgresFromTheDatabaseUrlChatEnvExports() {
        DeliveryOptions o = DeliveryOptions.parse(args("--store", "postgres"),
                Map.of("DATABASE_URL", "postgresql://postgres:secret@127.0.0.1:25432/postgres"));
        assertThat(o.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:25432/postgres");
        assertThat(o.dbUser()).isEqualTo("postgres");
        assertThat(o.dbPassword()).isEqualTo("secret");
        assertThat(o.kafka()).isNull();
    }

    @Test
    void passesAJdbcUrlAsItIs() {
        assertThat(DeliveryOptions.jdbc("jdbc:postgresql://h:1/db?user=u&password=p")).containsExactly(
                "jdbc:postgresql://h:1/db?user=u&password=p", null, null);
    }

    @Test
    void refusesAStoreWithoutAnAddress() {
        assertThatThrownBy(() -> DeliveryOptions.parse(args("--store", "redis"), Map.of()))
                .hasMessageContaining("no address for redis");
    }

    @Test
    void takesAnEmptyValueAsNoValue() {
        assertThatThrownBy(() -> DeliveryOptions.parse(args("--store", "redis", "--redis-url", ""), Map.of("REDIS_URL", " ")))
                .hasMessageContaining("no address for redis");
    }

    @Test
    void refusesAnUnknownStore() {
        assertThatThrownBy(() -> DeliveryOptions.parse(args("--store", "mongo"), Map.of("REDIS_URL", "redis://x:1")))
                .hasMessageContaining("--store must be redis or postgres");
    }
}
