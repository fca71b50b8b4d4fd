package dev.chat.gateway.friend;

import java.util.List;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.gateway.live.PresenceBoard;
import dev.chat.gateway.security.Caller;
import dev.chat.gateway.user.UserDirectory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTUS friends: the caller adds or removes a user from their friends. Both calls are idempotent (200 again
 * on a repeat), friendship is one-directional as in OTUS ("the user named their friend"). {@code GET /api/v1/friends}
 * lists the caller's friends for the web client.
 */
@RestController
class FriendController {

    static final int LIST_LIMIT = 1000;

    private final FriendRepository friends;
    private final UserDirectory users;
    private final PresenceBoard presence;

    FriendController(FriendRepository friends, UserDirectory users, PresenceBoard presence) {
        this.friends = friends;
        this.users = users;
        this.presence = presence;
    }

    @PutMapping("/friend/set/{user_id}")
    ResponseEntity<Void> set(Caller caller, @PathVariable("user_id") UUID friendId) {
        if (caller.id().equals(friendId)) {
            throw ProblemType.VALIDATION.exception("user_id: you cannot add yourself as a friend");
        }
        if (!users.exists(friendId)) {
            throw notFound(friendId);
        }
        try {
            friends.add(caller.id(), friendId);
        } catch (DataIntegrityViolationException e) { // one of the two users is gone since the check
            throw notFound(friendId);
        }
        return ResponseEntity.ok().build();
    }

    /** The users the caller named as friends, by name; at most {@value #LIST_LIMIT}. */
    @GetMapping("/api/v1/friends")
    List<FriendView> list(Caller caller) {
        return friends.list(caller.id(), LIST_LIMIT).stream().map(f -> f.withOnline(presence.isOnline(f.id()))).toList();
    }

    @PutMapping("/friend/delete/{user_id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("user_id") UUID friendId) {
        friends.remove(caller.id(), friendId);
        return ResponseEntity.ok().build();
    }

    private static RuntimeException notFound(UUID friendId) {
        return ProblemType.USER_NOT_FOUND.exception("no user with id " + friendId);
    }
}
