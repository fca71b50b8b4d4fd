package dev.chat.boot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one vocabulary: unique slugs, one type per bare status, problems and exceptions that carry the type whole. */
class ProblemTypeTests {

    @Test
    void slugsAreUniqueAndTypesAreUnderTheOneBase() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug)).doesNotHaveDuplicates();
        assertThat(ProblemType.values()).allSatisfy(type ->
                assertThat(type.uri().toString()).isEqualTo("https://chat.dev/problems/" + type.slug()));
    }

    @ParameterizedTest
    @CsvSource({"400, validation", "401, unauthorized", "403, forbidden", "404, not-found", "405, method-not-allowed",
            "406, not-acceptable", "413, payload-too-large", "415, unsupported-media-type", "429, rate-limited",
            "503, service-unavailable", "500, internal-error", "502, internal-error", "414, client-error",
            "431, client-error"})
    void aBareStatusGetsItsType(int status, String slug) {
        assertThat(ProblemType.forStatus(status).slug()).isEqualTo(slug);
    }

    @Test
    void aProblemCarriesTheTypesStatusTitleAndTheDetail() {
        ProblemDetail problem = ProblemType.DIALOG_NOT_FOUND.problem("no dialog with 42");

        assertThat(problem.getType()).isEqualTo(ProblemType.DIALOG_NOT_FOUND.uri());
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isEqualTo("Dialog not found");
        assertThat(problem.getDetail()).isEqualTo("no dialog with 42");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(retryAfter(Duration.ofMillis(1500))).isEqualTo("2");
        assertThat(retryAfter(Duration.ofSeconds(3))).isEqualTo("3");
        assertThat(retryAfter(Duration.ZERO)).isEqualTo("1");
    }

    @Test
    void theValvesProblemIsJsonWithTheTypeForItsStatus() {
        JsonNode problem = JsonMapper.builder().build().readTree(ProblemErrorReportValve.json(431));

        assertThat(problem.path("type").asString()).isEqualTo(ProblemType.CLIENT_ERROR.uri().toString());
        assertThat(problem.path("status").asInt()).isEqualTo(431);
        assertThat(problem.path("title").asString()).isEqualTo("Client error");
        assertThat(problem.path("detail").asString()).contains("Request Header Fields Too Large");
    }

    private static String retryAfter(Duration wait) {
        ErrorResponseException e = ProblemType.SERVICE_UNAVAILABLE.exception("down", wait, null);
        assertThat(e.getStatusCode().value()).isEqualTo(503);
        return e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    }
}
