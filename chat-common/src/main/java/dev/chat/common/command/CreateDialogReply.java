package dev.chat.common.command;

import java.util.UUID;

/**
 * Writer → gateway: the dialog of the pair and whether this command created it.
 */
public record CreateDialogReply(UUID dialogId, String name, UUID ownerId, boolean created) {
}
