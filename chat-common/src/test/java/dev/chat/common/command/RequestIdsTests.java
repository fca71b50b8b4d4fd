package dev.chat.common.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTests {

    @Test
    void keepsAWellFormedClientId() {
        assertThat(RequestIds.acceptOrCreate("trace-1.2:3_ABC")).isEqualTo("trace-1.2:3_ABC");
    }

    @Test
    void replacesIdsThatCouldForgeALogLineOrAreTooLong() {
        assertThat(RequestIds.acceptOrCreate("abc\r\nfake: line")).isNotEqualTo("abc\r\nfake: line").hasSize(36);
        assertThat(RequestIds.acceptOrCreate("x".repeat(65))).hasSize(36);
        assertThat(RequestIds.acceptOrCreate("")).hasSize(36);
        assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
    }

    @Test
    void createsDistinctIds() {
        assertThat(RequestIds.create()).isNotEqualTo(RequestIds.create());
    }
}
