package dev.chat.gateway.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.chat.gateway.user.UserApi.RegisterRequest;
import dev.chat.gateway.user.UserApi.UserProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in Postgres (schema: {@code db/migration}). */
@Repository
class UserRepository implements UserDirectory {

    private static final String PROFILE_COLUMNS = "id, first_name, second_name, birthdate, biography, city";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, RegisterRequest user, String passwordHash) {
        jdbc.sql("""
                INSERT INTO users (id, first_name, second_name, birthdate, biography, city, password_hash)
                VALUES (:id, :first, :second, :birthdate, :biography, :city, :hash)""")
                .param("id", id).param("first", user.firstName()).param("second", user.secondName())
                .param("birthdate", user.birthdate()).param("biography", user.biography()).param("city", user.city())
                .param("hash", passwordHash)
                .update();
    }

    Optional<String> passwordHash(UUID id) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = :id").param("id", id).query(String.class).optional();
    }

    Optional<UserProfile> find(UUID id) {
        return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM users WHERE id = :id").param("id", id)
                .query(UserProfile.class).optional();
    }

    /**
     * Case-insensitive prefix search on both names, served by the {@code users_name_prefix} index
     * ({@code lower(...) text_pattern_ops}); LIKE wildcards in the input are matched literally.
     */
    List<UserProfile> search(String firstNamePrefix, String secondNamePrefix, int limit) {
        return jdbc.sql("SELECT " + PROFILE_COLUMNS + """
                 FROM users
                WHERE lower(first_name) LIKE lower(:first) ESCAPE '\\'
                  AND lower(second_name) LIKE lower(:second) ESCAPE '\\'
                ORDER BY id
                LIMIT :limit""")
                .param("first", prefixPattern(firstNamePrefix)).param("second", prefixPattern(secondNamePrefix))
                .param("limit", limit)
                .query(UserProfile.class).list();
    }

    @Override
    public boolean exists(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)").param("id", userId)
                .query(Boolean.class).single();
    }

    static String prefixPattern(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
