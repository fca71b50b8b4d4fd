package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoreMemoryTests {

    @Test
    void relatesTheStoresBytesToTheMembersAndTheMessages() {
        StoreMemory m = new StoreMemory(1000, 50, 12_812_000, 20_000_000, "how");

        assertThat(m.messages()).isEqualTo(50_000);
        assertThat(m.bytesPerMessage()).isEqualTo(400.0);
        assertThat(m.toJson(Map.of())).containsEntry("ratioToMembers", 1.561).containsEntry("bytesPerMessage", 400.0);
    }

    @Test
    void putsTheStoresBreakdownRightAfterStoreBytes() {
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("tableBytes", 12_000_000L);
        parts.put("indexBytes", 8_000_000L);

        assertThat(new StoreMemory(1000, 50, 12_812_000, 20_000_000, "how").toJson(parts).keySet()).containsExactly(
                "dialogs", "messagesPerDialog", "messages", "memberBytes", "storeBytes", "tableBytes", "indexBytes",
                "bytesPerMessage", "ratioToMembers", "method");
    }
}
