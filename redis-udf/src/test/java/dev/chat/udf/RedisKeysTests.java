package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;

class RedisKeysTests {

    private final UUID a = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private final UUID b = UUID.fromString("22222222-2222-4222-8222-222222222222");

    @Test
    void buildsTheBriefsKeysLiterally() {
        assertThat(RedisKeys.dialog(a, b))
                .isEqualTo("dialog:11111111-1111-4111-8111-111111111111:22222222-2222-4222-8222-222222222222");
        assertThat(RedisKeys.messages(a)).isEqualTo("messages:11111111-1111-4111-8111-111111111111");
        assertThat(RedisKeys.requestField(a, "c-1")).isEqualTo("11111111-1111-4111-8111-111111111111:c-1");
    }

    @Test
    void putsTheRequestsHashInTheSlotOfItsMessages() {
        UUID dialog = UUID.randomUUID();

        assertThat(RedisKeys.requests(dialog)).isEqualTo("{messages:" + dialog + "}:requests");
        assertThat(SlotHash.getSlot(RedisKeys.requests(dialog))).isEqualTo(SlotHash.getSlot(RedisKeys.messages(dialog)));
    }

    @Test
    void theTwoOrdersOfADialogKeyAreUsuallyInDifferentSlots() {
        // why cluster mode passes one dialog key per call
        assertThat(SlotHash.getSlot(RedisKeys.dialog(a, b))).isNotEqualTo(SlotHash.getSlot(RedisKeys.dialog(b, a)));
    }
}
