package dev.chat.common.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MessageEventHeadersTests {

    @Test
    void aUserIdTravelsAsItsAsciiUuidString() {
        UUID user = UUID.randomUUID();

        assertThat(new String(MessageEventHeaders.encode(user), StandardCharsets.US_ASCII)).isEqualTo(user.toString());
        assertThat(MessageEventHeaders.decode(MessageEventHeaders.encode(user))).isEqualTo(user);
    }

    @Test
    void aMissingOrMalformedValueIsNoUserId() {
        assertThat(MessageEventHeaders.decode(null)).isNull();
        assertThat(MessageEventHeaders.decode(new byte[0])).isNull();
        assertThat(MessageEventHeaders.decode("not-a-uuid".getBytes(StandardCharsets.US_ASCII))).isNull();
    }
}
