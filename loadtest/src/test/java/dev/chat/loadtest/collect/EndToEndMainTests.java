package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the accepted → stored figures and the store lag count of the writer's events topic. */
class EndToEndMainTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void countsWrittenAndRejectedButNotReadReceipts() {
        assertThat(EndToEndMain.isSendOutcome(JSON.readTree("{\"type\":\"WRITTEN\",\"ts\":1,\"storedAt\":2}"))).isTrue();
        assertThat(EndToEndMain.isSendOutcome(JSON.readTree("{\"type\":\"REJECTED\",\"ts\":1,\"storedAt\":2}"))).isTrue();
        assertThat(EndToEndMain.isSendOutcome(JSON.readTree("{\"type\":\"READ\",\"ts\":1,\"storedAt\":2}"))).isFalse();
    }
}
