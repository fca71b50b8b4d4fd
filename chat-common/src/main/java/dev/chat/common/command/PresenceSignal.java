package dev.chat.common.command;

import java.util.List;
import java.util.UUID;

/**
 * Gateway → every gateway: which users have sessions on {@code gateway} (issue #14). A gateway sends one when a
 * user's first session there opens ({@code online}) or last one closes ({@code offline}), and every few seconds a
 * heartbeat naming all its users in {@code online}, in chunks. Every gateway keeps, per user, the gateways that named
 * it and until when ({@code PresenceBoard}): a user is online while one of them holds. Keyed by the gateway, so one
 * gateway's signals stay in order. Never stored.
 *
 * @param gateway the sending gateway's own id (its fan-out group id, unique per instance)
 * @param online  users with at least one session there
 * @param offline users whose last session there closed
 */
public record PresenceSignal(String gateway, List<UUID> online, List<UUID> offline) {

    public PresenceSignal {
        online = online == null ? List.of() : List.copyOf(online);
        offline = offline == null ? List.of() : List.copyOf(offline);
    }
}
