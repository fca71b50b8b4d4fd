package dev.chat.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class UserApiTests extends GatewayIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registerThenLoginGivesATokenThatReturnsTheUsersProfile() {
        UUID id = http.register("Konstantin", "Osipov", "s3cret-enough");
        String token = http.login(id, "s3cret-enough");

        Reply me = http.get("/api/v1/me", token);

        assertThat(me.status()).isEqualTo(200);
        JsonNode profile = me.json();
        assertThat(profile.get("id").asString()).isEqualTo(id.toString());
        assertThat(profile.get("first_name").asString()).isEqualTo("Konstantin");
        assertThat(profile.get("second_name").asString()).isEqualTo("Osipov");
        assertThat(profile.get("birthdate").asString()).isEqualTo("1990-05-17");
        assertThat(profile.get("biography").asString()).isEqualTo("tests");
        assertThat(profile.get("city").asString()).isEqualTo("Tver");
        assertThat(profile.has("password")).isFalse();
        assertThat(profile.has("password_hash")).isFalse();
    }

    @Test
    void storesPasswordsAsBcryptHashes() {
        UUID id = http.register("Hash", "Check", "plain-text-never");

        String stored = jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class, id);

        assertThat(stored).startsWith("$2").doesNotContain("plain-text-never");
    }

    @Test
    void getReturnsAPublicProfileWithOtusFieldNames() {
        UUID id = http.register("Public", "Person", "s3cret-enough");

        Reply reply = http.get("/user/get/" + id, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fieldNames(reply.json())).containsExactlyInAnyOrder(
                "id", "first_name", "second_name", "birthdate", "biography", "city");
    }

    @Test
    void getOfAnUnknownUserIsAUserNotFoundProblem() {
        Reply reply = http.get("/user/get/" + UUID.randomUUID(), null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("user-not-found");
    }

    @Test
    void getWithAnIdThatIsNotAUuidIsAnInvalidParameterProblem() {
        Reply reply = http.get("/user/get/42", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("invalid-parameter");
        assertThat(reply.detail()).contains("path variable 'id'").contains("'42'");
    }

    @Test
    void loginWithAWrongPasswordIsABadCredentialsProblem() {
        UUID id = http.register("Wrong", "Password", "s3cret-enough");

        Reply reply = http.post("/login", null, Map.of("id", id.toString(), "password", "not-the-password"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("bad-credentials");
        assertThat(reply.json().has("token")).isFalse();
    }

    @Test
    void loginOfAnUnknownUserIsAUserNotFoundProblem() {
        Reply reply = http.post("/login", null, Map.of("id", UUID.randomUUID().toString(), "password", "whatever-123"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("user-not-found");
    }

    @Test
    void registerRejectsMissingNamesAndAShortPasswordNamingEachField() {
        Reply reply = http.post("/user/register", null, Map.of("first_name", " ", "password", "short"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation");
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("first_name", "second_name", "password");
    }

    @Test
    void registerRejectsAPasswordBcryptWouldTruncate() {
        String longPassword = "ж".repeat(40); // 40 characters, 80 bytes

        Reply reply = http.post("/user/register", null, Map.of("first_name", "Long", "second_name", "Password",
                "password", longPassword));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation");
        assertThat(reply.detail()).contains("password").contains("72 bytes");
    }

    @Test
    void registerRejectsABirthdateThatIsNotADate() {
        Reply reply = http.post("/user/register", null, Map.of("first_name", "Bad", "second_name", "Date",
                "birthdate", "17.05.1990", "password", "s3cret-enough"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("wrong-type");
        assertThat(reply.detail()).contains("birthdate").contains("yyyy-MM-dd");
    }

    @Test
    void searchFindsUsersByCaseInsensitiveNamePrefixes() {
        String tag = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        UUID match = http.register(tag + "ander", "Petrov", "s3cret-enough");
        UUID other = http.register(tag + "ander", "Ivanov", "s3cret-enough");
        http.register("X" + tag, "Petrov", "s3cret-enough");

        Reply reply = http.get("/user/search?first_name=" + tag.toLowerCase() + "&last_name=PET", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().findValuesAsString("id")).containsExactly(match.toString()).doesNotContain(other.toString());
    }

    @Test
    void searchMatchesLikeWildcardsLiterally() {
        String tag = "Wc" + UUID.randomUUID().toString().substring(0, 6);
        http.register(tag + "abc", "Smith", "s3cret-enough");

        Reply reply = http.get("/user/search?first_name=" + tag + "%25&last_name=_", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().size()).isZero();
    }

    @Test
    void searchWithoutLastNameIsAnInvalidParameterProblem() {
        Reply reply = http.get("/user/search?first_name=Ab", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("invalid-parameter");
        assertThat(reply.detail()).contains("last_name");
    }

    @Test
    void searchWithAnOverlongPrefixIsAValidationProblemNamingTheParameter() {
        Reply reply = http.get("/user/search?first_name=" + "a".repeat(101) + "&last_name=b", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation");
        assertThat(reply.detail()).startsWith("first_name:");
    }

    @Test
    void searchIsServedByThePrefixIndex() {
        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET enable_seqscan = off"); // a tiny table would be scanned anyway
                var rows = statement.executeQuery("EXPLAIN SELECT id FROM users WHERE lower(first_name) LIKE 'abc%' "
                        + "AND lower(second_name) LIKE 'de%'");
                StringBuilder text = new StringBuilder();
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n');
                }
                statement.execute("RESET enable_seqscan");
                return text.toString();
            }
        });

        assertThat(plan).contains("users_name_prefix").contains("~>=~");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
