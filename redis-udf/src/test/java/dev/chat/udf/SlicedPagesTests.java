package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * show_messages reads its page in several ZRANGE slices (chat.lua, range_sliced); whatever the slicing, a
 * page must be exactly what one plain ZRANGE of the dialog implies, has-more flag included.
 */
class SlicedPagesTests {

    private static final int[] LIMITS = {1, 50, 100, 101, 200, 1000};

    private static final LibraryConnection connection = LibraryConnection.open();
    private static final RedisCommands<String, String> redis = connection.sync();

    @AfterAll
    static void close() {
        connection.close();
    }

    /**
     * 230 messages: ordinary (~250 B) and tiny ones at both ends, ~5 KB and ~20 KB ones mixed in the middle,
     * so pages start with many members per slice and end with one.
     */
    static String mixedText(int k) {
        boolean middle = k >= 60 && k < 170;
        if (middle && k % 37 == 5) {
            return TestDialog.ascii(20_000);
        }
        if (middle && k % 10 == 3) {
            return TestDialog.ascii(5_000);
        }
        return k % 4 == 0 ? "t" : TestDialog.ascii(75);
    }

    @Test
    void pagesOfMixedSizesAreWhatAPlainZrangeGivesInBothDirections() {
        TestDialog dialog = new TestDialog(redis).write(230, SlicedPagesTests::mixedText);
        List<String> all = dialog.members();
        int n = all.size();

        for (int limit : LIMITS) {
            assertPage(dialog, all, "older", limit, n, false);
            assertPage(dialog, all, "newer", limit, 0, false);
            TreeSet<Integer> cursors = new TreeSet<>(List.of(0, 1, 31, 32, 33, 60, 91, 115, 170, n - 2, n - 1));
            cursors.addAll(List.of(limit, limit + 1, n - 1 - limit, n - 2 - limit));
            for (int c : cursors.subSet(0, true, n - 1, true)) {
                assertPage(dialog, all, "older", limit, c, true);
                assertPage(dialog, all, "newer", limit, c, true);
            }
        }
    }

    @Test
    void aCursorBetweenTwoMessagesPagesFromThere() {
        TestDialog dialog = new TestDialog(redis).write(230, SlicedPagesTests::mixedText);
        List<String> all = dialog.members();

        for (int limit : LIMITS) {
            for (int c : new int[] {0, 1, 33, 115, 229}) {
                // an odd id, just below message c's, at c's millisecond: no message of its own
                String between = TestDialog.messageId(2L * c - 1);
                String ts = TestDialog.tsOf(all.get(c));
                List<Object> expectedOlder = TestDialog.expected(all, true, limit, c, false);
                List<Object> expectedNewer = TestDialog.expected(all, false, limit, c, false);

                assertSame(dialog.show("older", limit, ts, between), expectedOlder, "older %d before %d", limit, c);
                assertSame(dialog.show("newer", limit, ts, between), expectedNewer, "newer %d before %d", limit, c);
            }
        }
    }

    @Test
    void hasMoreIsSetExactlyWhenAMessageLiesBeyondThePage() {
        TestDialog dialog = new TestDialog(redis).write(202, k -> TestDialog.ascii(75));
        List<String> all = dialog.members();
        int n = all.size();

        for (int limit : new int[] {1, 50, 100, 200}) {
            // exactly `limit` messages beyond the cursor, then one more
            assertThat(flag(dialog.show("older", limit, TestDialog.cursorOf(all.get(limit))))).as("older %d", limit)
                    .isZero();
            assertThat(flag(dialog.show("older", limit, TestDialog.cursorOf(all.get(limit + 1))))).isOne();
            assertThat(flag(dialog.show("newer", limit, TestDialog.cursorOf(all.get(n - 1 - limit)))))
                    .as("newer %d", limit).isZero();
            assertThat(flag(dialog.show("newer", limit, TestDialog.cursorOf(all.get(n - 2 - limit))))).isOne();
        }
        assertThat(flag(dialog.show("older", 202))).isZero();
        assertThat(flag(dialog.show("older", 201))).isOne();
        assertThat(flag(dialog.show("newer", 202))).isZero();
        assertThat(flag(dialog.show("newer", 201))).isOne();
    }

    @Test
    void aDialogShorterThanThePageComesWholeWithoutMore() {
        for (int size : new int[] {0, 1, 31, 32, 33, 64, 91, 92}) {
            TestDialog dialog = new TestDialog(redis).write(size, k -> TestDialog.ascii(75));
            List<String> all = dialog.members();
            List<String> reversed = new ArrayList<>(all);
            Collections.reverse(reversed);

            for (int limit : new int[] {size + 1, 100, 1000}) {
                assertThat(dialog.show("older", limit)).as("%d of %d older", limit, size)
                        .isEqualTo(withFlag(reversed, 0L));
                assertThat(dialog.show("newer", limit)).as("%d of %d newer", limit, size)
                        .isEqualTo(withFlag(all, 0L));
            }
        }
    }

    @Test
    void walksCrossEverySliceBoundaryInBothDirections() {
        TestDialog dialog = new TestDialog(redis).write(230, SlicedPagesTests::mixedText);
        List<String> all = dialog.members();
        List<String> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);

        for (int limit : new int[] {7, 33, 100}) {
            assertThat(dialog.walk("newer", limit)).as("newer %d", limit).isEqualTo(all);
            assertThat(dialog.walk("older", limit)).as("older %d", limit).isEqualTo(reversed);
        }
    }

    private static void assertPage(TestDialog dialog, List<String> all, String direction, int limit, int at,
            boolean cursor) {
        boolean older = direction.equals("older");
        List<Object> page = cursor ? dialog.show(direction, limit, TestDialog.cursorOf(all.get(at)))
                : dialog.show(direction, limit);
        assertSame(page, TestDialog.expected(all, older, limit, at, cursor), "%s %d %s %d", direction, limit,
                cursor ? "from" : "without cursor, at", at);
    }

    /** Compares ids first, so a failure prints something readable, then the members byte for byte. */
    private static void assertSame(List<Object> page, List<Object> expected, String what, Object... args) {
        assertThat(ids(page)).as(what, args).isEqualTo(ids(expected));
        assertThat(page).as(what, args).isEqualTo(expected);
    }

    private static List<String> ids(List<Object> page) {
        List<String> ids = new ArrayList<>(TestDialog.rows(page).stream().map(m -> m.substring(7, 43)).toList());
        ids.add("has_more=" + page.get(page.size() - 1));
        return ids;
    }

    private static long flag(List<Object> page) {
        return (Long) page.get(page.size() - 1);
    }

    private static List<Object> withFlag(List<String> rows, long flag) {
        List<Object> page = new ArrayList<>(rows);
        page.add(flag);
        return page;
    }
}
