package dev.chat.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptedLogTests {

    @TempDir
    Path dir;

    @Test
    void recordsTheGatewaysHttpAnswerAndTheAcceptedFrameWhateverTheFieldOrder() throws IOException {
        Path file = dir.resolve(AcceptedLog.FILE);
        try (AcceptedLog log = AcceptedLog.create(file)) {
            assertThat(log.addAnswer("{\"id\":\"01a20eef-0000-7000-8000-000000000001\",\"dialog_id\":"
                    + "\"d93a9b75-0000-4000-8000-000000000002\",\"ts\":1795545187324}", "http")).isTrue();
            assertThat(log.addAnswer("{\"type\":\"accepted\",\"client_id\":\"c-42\",\"ts\":1795545187400,"
                    + "\"dialog_id\":\"d93a9b75-0000-4000-8000-000000000002\",\"id\":\"01a20eef-0000-7000-8000-000000000003\"}", "ws")).isTrue();
            assertThat(log.count()).isEqualTo(2);
        }
        assertThat(Files.readAllLines(file)).containsExactly(AcceptedLog.HEADER,
                "01a20eef-0000-7000-8000-000000000001\td93a9b75-0000-4000-8000-000000000002\t1795545187324\thttp",
                "01a20eef-0000-7000-8000-000000000003\td93a9b75-0000-4000-8000-000000000002\t1795545187400\tws");
    }

    @Test
    void recordsNothingForAnAnswerWithoutTheMessagesId() throws IOException {
        Path file = dir.resolve(AcceptedLog.FILE);
        try (AcceptedLog log = AcceptedLog.create(file)) {
            assertThat(log.addAnswer("{\"type\":\"https://chat.dev/problems/rate-limited\",\"status\":429}", "http")).isFalse();
            assertThat(log.count()).isZero();
        }
        assertThat(Files.readAllLines(file)).containsExactly(AcceptedLog.HEADER);
    }

    @Test
    void liesBesideTheResults() {
        assertThat(AcceptedLog.beside(dir.resolve("data/redis/results.json"))).isEqualTo(dir.resolve("data/redis/accepted.tsv"));
    }
}
