package dev.chat.gateway.user;

import java.util.UUID;

/**
 * Who exists: the seam other features use to check a user id (a friend, a dialog partner) without knowing
 * how users are stored. Thread-safe; each call reads the current state of the user database.
 */
public interface UserDirectory {

    boolean exists(UUID userId);
}
