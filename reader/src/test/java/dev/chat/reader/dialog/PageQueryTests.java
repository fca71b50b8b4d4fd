package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.reader.system.InvalidRequestException;
import dev.chat.reader.system.ReaderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageQueryTests {

    private final ReaderProperties properties = new ReaderProperties(50, 200, 100);
    private final String cursor = new PageCursor(1_700_000_000_000L, UUID.randomUUID()).encode();

    @Test
    void defaultsToTheConfiguredLimit() {
        assertThat(PageQuery.parse(null, null, null, properties).limit()).isEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "200"})
    void acceptsLimitsWithinBounds(String limit) {
        assertThat(PageQuery.parse(limit, null, null, properties).limit()).isEqualTo(Integer.parseInt(limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "201", "abc", "", "1.5", "99999999999"})
    void rejectsLimitsOutsideBoundsOrNotANumber(String limit) {
        assertThatThrownBy(() -> PageQuery.parse(limit, null, null, properties))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION))
                .hasMessageContaining("limit");
    }

    @Test
    void rejectsBothCursors() {
        assertThatThrownBy(() -> PageQuery.parse(null, cursor, cursor, properties))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION));
    }

    static List<String> foreignCursors() {
        UUID id = UUID.randomUUID();
        return List.of("", "garbage", "bm90LWEtY3Vyc29y", "MTIzOm5vdC1hLXV1aWQ", "a+b/c==",
                new PageCursor(-1, id).encode(), new PageCursor(PageQuery.MAX_CURSOR_TS + 1, id).encode());
    }

    @ParameterizedTest
    @MethodSource("foreignCursors")
    void rejectsCursorsThisApiDidNotIssue(String bad) {
        assertThatThrownBy(() -> PageQuery.parse(null, bad, null, properties))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.BAD_CURSOR))
                .hasMessageContaining("before");
        assertThatThrownBy(() -> PageQuery.parse(null, null, bad, properties))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.BAD_CURSOR))
                .hasMessageContaining("after");
    }

    @Test
    void acceptsTheExtremesOfTheCursorRange() {
        UUID id = UUID.randomUUID();
        assertThat(PageQuery.parse(null, new PageCursor(0, id).encode(), null, properties).before().ts()).isZero();
        assertThat(PageQuery.parse(null, null, new PageCursor(PageQuery.MAX_CURSOR_TS, id).encode(), properties)
                .after().ts()).isEqualTo(PageQuery.MAX_CURSOR_TS);
    }

    @Test
    void pagesOlderWithoutCursorOrWithBeforeAndNewerWithAfter() {
        assertThat(PageQuery.parse(null, null, null, properties).toRequest().direction()).isEqualTo(Direction.OLDER);
        assertThat(PageQuery.parse(null, null, null, properties).toRequest().cursor()).isNull();
        assertThat(PageQuery.parse("7", cursor, null, properties).toRequest())
                .satisfies(r -> {
                    assertThat(r.direction()).isEqualTo(Direction.OLDER);
                    assertThat(r.cursor()).isEqualTo(PageCursor.decode(cursor));
                    assertThat(r.limit()).isEqualTo(7);
                });
        assertThat(PageQuery.parse(null, null, cursor, properties).toRequest())
                .satisfies(r -> {
                    assertThat(r.direction()).isEqualTo(Direction.NEWER);
                    assertThat(r.cursor()).isEqualTo(PageCursor.decode(cursor));
                });
    }
}
