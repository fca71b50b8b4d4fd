package dev.chat.common.dialog;

/**
 * Result of {@link DialogStore#makeDialog}: the dialog of the pair and whether this call created it.
 */
public record DialogCreation(Dialog dialog, boolean created) {
}
