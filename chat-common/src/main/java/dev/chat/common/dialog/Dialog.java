package dev.chat.common.dialog;

import java.util.Objects;
import java.util.UUID;

/**
 * Dialog metadata as the brief stores it at {@code dialog:{user_id}:{friend_id}}: {@code {id, name, owner_id}}.
 * It never changes after creation, which is why services may cache it without invalidation.
 *
 * @param id      dialog id, also the suffix of the {@code messages:{dialog_id}} key
 * @param name    display name (may be empty, never null)
 * @param ownerId the user who created the dialog; null for dialogs imported without an owner
 */
public record Dialog(UUID id, String name, UUID ownerId) {

    public Dialog {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }
}
