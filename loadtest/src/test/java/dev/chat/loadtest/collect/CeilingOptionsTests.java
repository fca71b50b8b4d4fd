package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CeilingOptionsTests {

    @Test
    void takesTheFlagsLoadtestShPassesAndDefaultsTheRest() {
        CeilingOptions o = CeilingOptions.parse("--out", "data/ceiling.json", "--warmup", "2", "--seconds", "3");

        assertThat(o.out()).isEqualTo(Path.of("data/ceiling.json"));
        assertThat(o.warmup()).isEqualTo(2);
        assertThat(o.seconds()).isEqualTo(3);
        assertThat(o.threads()).isEqualTo(8);
        assertThat(o.stores()).containsExactly("redis", "postgres");
        assertThat(o.memorySizes()).containsExactly(16, 50, 128, 200);
    }

    @Test
    void takesOneStoreAndOtherDataSizes() {
        CeilingOptions o = CeilingOptions.parse("--stores", "postgres", "--read-messages", "101", "--memory-sizes", "10, 20");

        assertThat(o.stores()).isEqualTo(List.of("postgres"));
        assertThat(o.readMessages()).isEqualTo(101);
        assertThat(o.memorySizes()).containsExactly(10, 20);
    }

    @Test
    void rejectsUnknownFlagsAndUnknownStores() {
        assertThatThrownBy(() -> CeilingOptions.parse("--secs", "3")).hasMessageContaining("unknown flag --secs");
        assertThatThrownBy(() -> CeilingOptions.parse("--stores", "mysql")).hasMessageContaining("--stores");
    }

    @Test
    void rejectsReadDialogsThatCannotFillANewest100Page() {
        assertThatThrownBy(() -> CeilingOptions.parse("--read-messages", "100")).hasMessageContaining("over 100");
    }
}
