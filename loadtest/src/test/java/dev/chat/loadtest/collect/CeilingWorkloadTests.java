package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.MessageWrite;
import org.junit.jupiter.api.Test;

class CeilingWorkloadTests {

    private static final CeilingOptions SMALL = new CeilingOptions(Path.of("x.json"), 0, 1, 8, List.of("redis"),
            2, 101, 150, 3, 4, List.of(16), 2);

    @Test
    void writesDialogsOneRoundOfMessagesAfterAnotherAsALiveSystemWould() {
        CeilingWorkload.Dialogs dialogs = CeilingWorkload.Dialogs.generate(3, 4);

        assertThat(dialogs.messages()).hasSize(12);
        // the first message of every dialog, then the second...: a batch of the load spans many dialogs
        assertThat(dialogs.messages().subList(0, 3)).extracting(ChatMessage::chatId).containsExactlyElementsOf(dialogs.ids());
        assertThat(dialogs.messages()).extracting(ChatMessage::ts).isSorted();
        assertThat(dialogs.messages().get(3).ts() - dialogs.messages().get(0).ts()).isEqualTo(1000);
        assertThat(dialogs.messages().get(0).authorId()).isNotEqualTo(dialogs.messages().get(3).authorId());
        assertThat(dialogs.messages().get(0).authorId()).isEqualTo(dialogs.messages().get(6).authorId());
    }

    @Test
    void givesEveryDialogTheSeedsTextsAndPastTimestamps() {
        CeilingWorkload.Dialogs dialogs = CeilingWorkload.Dialogs.generate(2, 3);

        assertThat(dialogs.messages()).allSatisfy(m -> {
            assertThat(m.message().length()).isBetween(19, 140);
            assertThat(m.ts()).isLessThan(System.currentTimeMillis());
        });
    }

    @Test
    void spreadsABatchOverAsManyDifferentDialogs() {
        CeilingWorkload workload = new CeilingWorkload(SMALL);

        List<MessageWrite> batch = workload.batch(7);

        assertThat(batch).hasSize(CeilingOptions.BATCH);
        Set<UUID> dialogs = batch.stream().map(w -> w.message().chatId()).collect(Collectors.toSet());
        assertThat(dialogs).hasSize(CeilingOptions.BATCH);
        assertThat(batch).allSatisfy(w -> assertThat(w.clientId()).isNull());
    }

    @Test
    void sizesItsDataSetsFromTheOptions() {
        CeilingWorkload workload = new CeilingWorkload(SMALL);

        assertThat(workload.memory().ids()).hasSize(3);
        assertThat(workload.memory().messages()).hasSize(12);
        assertThat(workload.reads().messages()).hasSize(2 * 101);
        assertThat(workload.memorySizeSet(16).messages()).hasSize(2 * 16);
        assertThat(workload.operations(null)).extracting(CeilingWorkload.Operation::key)
                .containsExactly("newest50", "newest100", "write", "batch100");
    }
}
