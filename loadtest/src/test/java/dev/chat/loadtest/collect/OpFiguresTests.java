package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OpFiguresTests {

    @Test
    void dividesTheWindowsCpuTicksByTheCallsCompletedInIt() {
        // 50,000 calls in 5 s; the server used 250 ticks (2.5 CPU-s), the client 100 (1 CPU-s)
        OpFigures f = OpFigures.of(new Throughput.Run(50_000, 5.0, 250, 100), 1);

        assertThat(f.opsPerSecond()).isCloseTo(10_000, within(1e-9));
        assertThat(f.serverCpuMsPerOp()).isCloseTo(0.05, within(1e-12));
        assertThat(f.clientCpuMsPerOp()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void givesABatchItsMessageFiguresToo() {
        OpFigures f = OpFigures.of(new Throughput.Run(4_000, 4.0, 440, 200), 100);

        assertThat(f.toJson()).containsExactly(
                org.assertj.core.api.Assertions.entry("opsPerSecond", 1000.0),
                org.assertj.core.api.Assertions.entry("messagesPerSecond", 100_000.0),
                org.assertj.core.api.Assertions.entry("serverCpuMsPerOp", 1.1),
                org.assertj.core.api.Assertions.entry("serverCpuMsPerMessage", 0.011),
                org.assertj.core.api.Assertions.entry("clientCpuMsPerOp", 0.5));
    }

    @Test
    void leavesPerMessageFiguresOutForASingleCall() {
        OpFigures f = OpFigures.of(new Throughput.Run(3, 1.0, 1, 1), 1);

        assertThat(f.toJson()).containsOnlyKeys("opsPerSecond", "serverCpuMsPerOp", "clientCpuMsPerOp");
    }

    @Test
    void roundsCpuFiguresToFourSignificantDigits() {
        assertThat(OpFigures.significant(0.0123456)).isEqualTo(0.01235);
        assertThat(OpFigures.significant(12.34567)).isEqualTo(12.35);
    }

    @Test
    void refusesAWindowWithoutCalls() {
        assertThatThrownBy(() -> OpFigures.of(new Throughput.Run(0, 5.0, 10, 10), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no call completed");
    }
}
