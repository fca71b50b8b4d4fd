package dev.chat.reader.dialog;

import java.util.UUID;

import org.springframework.security.core.Authentication;

/** Who is asking: the subject of the verified token, which the decoder has already checked is a UUID. */
final class Callers {

    private Callers() {
    }

    static UUID id(Authentication authentication) {
        return UUID.fromString(authentication.getName());
    }
}
