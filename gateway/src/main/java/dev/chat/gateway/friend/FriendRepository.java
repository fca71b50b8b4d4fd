package dev.chat.gateway.friend;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Friendships in Postgres: one row per (user, friend) direction. */
@Repository
public class FriendRepository {

    private final JdbcClient jdbc;

    FriendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID userId, UUID friendId) {
        jdbc.sql("INSERT INTO friendships (user_id, friend_id) VALUES (:user, :friend) ON CONFLICT DO NOTHING")
                .param("user", userId).param("friend", friendId).update();
    }

    void remove(UUID userId, UUID friendId) {
        jdbc.sql("DELETE FROM friendships WHERE user_id = :user AND friend_id = :friend")
                .param("user", userId).param("friend", friendId).update();
    }

    /** The users {@code userId} named as friends, by name, at most {@code limit}. */
    List<FriendView> list(UUID userId, int limit) {
        return jdbc.sql("""
                SELECT u.id, u.first_name, u.second_name, false AS online
                  FROM friendships f JOIN users u ON u.id = f.friend_id
                 WHERE f.user_id = :user
                 ORDER BY lower(u.first_name), lower(u.second_name), u.id
                 LIMIT :limit""")
                .param("user", userId).param("limit", limit).query(FriendView.class).list();
    }

    /** The users who named {@code userId} as a friend: whose friends list shows it (presence goes to them). */
    public List<UUID> usersWhoNamedAsFriend(UUID userId) {
        return jdbc.sql("SELECT user_id FROM friendships WHERE friend_id = :user").param("user", userId)
                .query(UUID.class).list();
    }

    boolean isFriend(UUID userId, UUID friendId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM friendships WHERE user_id = :user AND friend_id = :friend)")
                .param("user", userId).param("friend", friendId).query(Boolean.class).single();
    }
}
