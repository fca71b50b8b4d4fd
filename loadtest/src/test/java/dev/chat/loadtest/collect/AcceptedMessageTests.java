package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.chat.loadtest.run.AcceptedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptedMessageTests {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatTheSimulationRecordedEachIdOnce() throws IOException {
        UUID id = UUID.randomUUID();
        UUID dialog = UUID.randomUUID();
        Path file = AcceptedLog.beside(dir.resolve("results.json"));
        try (AcceptedLog log = AcceptedLog.create(file)) {
            log.add(id.toString(), dialog.toString(), 1_795_545_187_324L, "http");
            log.add(id.toString(), dialog.toString(), 1_795_545_187_324L, "ws"); // the same message answered twice (a retry)
            log.add(UUID.randomUUID().toString(), dialog.toString(), 1_795_545_187_400L, "ws");
        }
        assertThat(AcceptedMessage.read(file)).hasSize(2).first().isEqualTo(new AcceptedMessage(id, dialog, 1_795_545_187_324L));
    }

    @Test
    void rejectsAFileThatIsNotAnAcceptedLog() throws IOException {
        Path file = Files.writeString(dir.resolve("accepted.tsv"), "user_id,password\n");
        assertThatThrownBy(() -> AcceptedMessage.read(file)).hasMessageContaining("not an accepted log");
    }

    @Test
    void namesTheLineThatCannotBeRead() throws IOException {
        Path file = Files.writeString(dir.resolve("accepted.tsv"), AcceptedLog.HEADER + "\nnot-a-uuid\tx\t1\thttp\n");
        assertThatThrownBy(() -> AcceptedMessage.read(file)).hasMessageContaining("accepted.tsv:2");
    }
}
