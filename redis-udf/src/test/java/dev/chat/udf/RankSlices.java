package dev.chat.udf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The rank-range {@code ZRANGE}s a function issues on one key, as Redis' {@code MONITOR} shows them (a raw
 * socket: Lettuce has no MONITOR). Same-millisecond lookups ({@code BYSCORE}) are left out.
 */
final class RankSlices implements AutoCloseable {

    /** {@code ZRANGE key from to [REV]}. */
    record Slice(long from, long to, boolean rev) {
        int size() {
            return (int) (to - from + 1);
        }
    }

    private static final Pattern ZRANGE = Pattern.compile(
            "\\[\\d+ lua] \"ZRANGE\" \"([^\"]+)\" \"(\\d+)\" \"(\\d+)\"( \"REV\")?$");

    private final Socket socket;
    private final BufferedReader in;

    RankSlices(String uri) {
        RedisURI parsed = RedisURI.create(uri);
        try {
            socket = new Socket(parsed.getHost(), parsed.getPort());
            socket.setSoTimeout(10_000); // a lost marker fails the test instead of hanging it
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!"+OK".equals(in.readLine())) {
                throw new IllegalStateException("MONITOR refused");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code call}, then returns the slices of {@code key} it read, in the order they were read. */
    List<Slice> of(String key, Runnable call, RedisCommands<String, String> redis) {
        readUpTo(mark(redis), key); // what ran before, e.g. the writes of the test
        call.run();
        return readUpTo(mark(redis), key); // MONITOR shows the marker after everything the call did
    }

    private static String mark(RedisCommands<String, String> redis) {
        String marker = "rank-slices-" + UUID.randomUUID();
        redis.echo(marker);
        return marker;
    }

    private List<Slice> readUpTo(String marker, String key) {
        List<Slice> slices = new ArrayList<>();
        try {
            for (String line = in.readLine(); !line.contains(marker); line = in.readLine()) {
                Matcher m = ZRANGE.matcher(line);
                if (m.find() && m.group(1).equals(key)) {
                    slices.add(new Slice(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4) != null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return slices;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
