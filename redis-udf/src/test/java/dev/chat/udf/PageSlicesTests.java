package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.chat.testsupport.TestRedis;
import dev.chat.udf.RankSlices.Slice;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ZRANGE slices show_messages reads a page in (seen through MONITOR): a reply over the 16 KB reply
 * buffer of the function's client costs several times more, so each slice must stay under it unless
 * nothing read before could have told that it would not.
 */
class PageSlicesTests {

    /** Below this, a redis.call's reply stays in its client's 16 KB buffer (it also needs a closing NUL). */
    private static final int BUFFER = 16 * 1024;

    private static final LibraryConnection connection = LibraryConnection.open();
    private static final RedisCommands<String, String> redis = connection.sync();
    private static RankSlices monitor;

    @BeforeAll
    static void load() {
        monitor = new RankSlices(TestRedis.uri());
    }

    @AfterAll
    static void close() throws Exception {
        monitor.close();
        connection.close();
    }

    @Test
    void ordinaryPagesOfFiftyAndOfAHundredTakeTwoAndThreeSlicesEachUnder16KB() {
        TestDialog dialog = new TestDialog(redis).write(300, k -> TestDialog.ascii(75 + k % 10));
        List<String> all = dialog.members();
        String[] middle = TestDialog.cursorOf(all.get(150));

        for (String direction : new String[] {"older", "newer"}) {
            List<Slice> fifty = monitor.of(dialog.key, () -> dialog.show(direction, 50), redis);
            List<Slice> hundred = monitor.of(dialog.key, () -> dialog.show(direction, 100), redis);
            List<Slice> fromCursor = monitor.of(dialog.key, () -> dialog.show(direction, 100, middle), redis);

            assertThat(fifty).as(direction).hasSize(2);
            assertThat(hundred).as(direction).hasSize(3);
            assertThat(fromCursor).as(direction).hasSize(3);
            for (List<Slice> page : List.of(fifty, hundred, fromCursor)) {
                assertThat(page.stream().mapToInt(s -> replyBytes(all, s))).as("%s %s", direction, page)
                        .allMatch(bytes -> bytes < BUFFER);
            }
        }
    }

    @Test
    void noSliceButTheFirstCrosses16KBUnlessAMemberInItIsWiderThanAnyReadBefore() {
        TestDialog dialog = new TestDialog(redis).write(230, SlicedPagesTests::mixedText);
        List<String> all = dialog.members();

        for (String direction : new String[] {"older", "newer"}) {
            for (int limit : new int[] {100, 1000}) {
                List<Slice> slices = monitor.of(dialog.key, () -> dialog.show(direction, limit), redis);

                assertSlicedWithinTheBuffer(all, slices, 0, limit + 1, direction + " " + limit);
            }
            List<Slice> fromCursor = monitor.of(dialog.key,
                    () -> dialog.show(direction, 200, TestDialog.cursorOf(all.get(115))), redis);
            // older starts at message 114, REV rank 230 - 1 - 114 = 115; newer at message 116, rank 116
            assertSlicedWithinTheBuffer(all, fromCursor, direction.equals("older") ? 115 : 116, 201,
                    direction + " 200 from the middle");
        }
    }

    @Test
    void membersOfTheLargestTextAreReadOneASliceAfterTheFirst() {
        TestDialog dialog = new TestDialog(redis).write(40, k -> TestDialog.widestText());
        List<String> all = dialog.members();

        List<Slice> slices = monitor.of(dialog.key, () -> assertThat(dialog.show("newer", 50))
                .isEqualTo(TestDialog.expected(all, false, 50, 0, false)), redis);

        assertThat(all.get(0).getBytes(StandardCharsets.UTF_8).length).as("member bytes").isGreaterThan(24_000);
        assertThat(slices.get(0).size()).isEqualTo(32);
        assertThat(slices.subList(1, slices.size())).allMatch(s -> s.size() == 1).hasSize(9); // the 9th finds the end
        assertThat(dialog.show("older", 10, TestDialog.cursorOf(all.get(20))))
                .isEqualTo(TestDialog.expected(all, true, 10, 20, true));
    }

    /**
     * Slices follow each other from the page's start and ask for the whole page; the first holds at most 32
     * members; a later one whose reply crosses 16 KB is a single member or holds a member wider than all
     * members read before it.
     */
    private static void assertSlicedWithinTheBuffer(List<String> all, List<Slice> slices, long start, int fetch,
            String what) {
        assertThat(slices).as(what).isNotEmpty();
        assertThat(slices.get(0).from()).as(what).isEqualTo(start);
        assertThat(slices.get(0).size()).as(what).isLessThanOrEqualTo(32);
        int widestBefore = widest(all, slices.get(0));
        long asked = slices.get(0).size();
        for (int i = 1; i < slices.size(); i++) {
            Slice slice = slices.get(i);
            assertThat(slice.from()).as(what).isEqualTo(slices.get(i - 1).to() + 1);
            assertThat(slice.rev()).as(what).isEqualTo(slices.get(0).rev());
            int widest = widest(all, slice);
            if (slice.size() > 1 && widest <= widestBefore) {
                assertThat(replyBytes(all, slice)).as("%s: %s after members up to %d bytes", what, slice, widestBefore)
                        .isLessThan(BUFFER);
            }
            widestBefore = Math.max(widestBefore, widest);
            asked += slice.size();
        }
        assertThat(asked).as(what + ": members asked for").isGreaterThanOrEqualTo(Math.min(fetch, all.size() - start));
    }

    /** The members of a slice that exist: {@code all} is oldest first, REV ranks count from the newest. */
    private static List<String> members(List<String> all, Slice slice) {
        int n = all.size();
        int from = (int) Math.min(slice.from(), n);
        int to = (int) Math.min(slice.to() + 1, n);
        if (!slice.rev()) {
            return all.subList(from, to);
        }
        List<String> members = new ArrayList<>(all.subList(n - to, n - from));
        Collections.reverse(members);
        return members;
    }

    private static int widest(List<String> all, Slice slice) {
        return members(all, slice).stream().mapToInt(m -> m.getBytes(StandardCharsets.UTF_8).length).max().orElse(0);
    }

    /** The RESP2 bytes of the slice's reply: {@code *<n>\r\n}, then {@code $<length>\r\n<member>\r\n} each. */
    private static int replyBytes(List<String> all, Slice slice) {
        List<String> members = members(all, slice);
        int bytes = ("*" + members.size() + "\r\n").length();
        for (String member : members) {
            int length = member.getBytes(StandardCharsets.UTF_8).length;
            bytes += ("$" + length + "\r\n").length() + length + 2;
        }
        return bytes;
    }
}
