package dev.chat.udf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.PartitionSelectorException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FCALL / FCALL_RO of the chat library, and its loading. A Redis restarted without persistence (or a new
 * cluster primary) has no functions: a call that gets "Function not found" loads the library and is
 * retried once, so services survive that without a restart of their own. Thread-safe.
 */
final class FunctionCalls {

    private static final Logger log = LoggerFactory.getLogger(FunctionCalls.class);
    private static final String NOT_FOUND = "ERR Function not found";
    /** The error code chat.lua gives arguments it refuses (its guarded()). */
    private static final String REFUSED = "BADARG ";
    /** A backstop only: each pipelined command times out by itself after the URI's timeout (RedisNodes.resilient). */
    private static final long PIPELINE_TIMEOUT_SECONDS = 60;

    private final RedisNodes nodes;
    private final FunctionLibrary library;
    private final ReplicaAcks acks;
    /** Counts completed loads, so that many calls failing at once cause one reload, not one each. */
    private final AtomicLong loads = new AtomicLong();

    FunctionCalls(RedisNodes nodes, FunctionLibrary library, ReplicaAcks acks) {
        this.nodes = nodes;
        this.library = library;
        this.acks = acks;
    }

    /** FCALL: runs on the primary (also used for no-writes functions whose answer must be current). */
    <T> T call(ChatFunction function, ScriptOutputType type, String[] keys, String... args) {
        return reloadingOnce(() -> nodes.commands().fcall(function.redisName(), type, keys, args));
    }

    /** {@link #call} of a function that writes: returns once the configured replicas have the write too. */
    <T> T write(ChatFunction function, ScriptOutputType type, String[] keys, String... args) {
        T reply = call(function, type, keys, args);
        acks.confirm(List.<String[]>of(keys));
        return reply;
    }

    /** {@link #callAll} of a function that writes, then one replica confirmation for the whole pipeline. */
    <T> List<T> writeAll(ChatFunction function, ScriptOutputType type, List<String[]> keys, List<String[]> args) {
        List<T> replies = callAll(function, type, keys, args);
        acks.confirm(keys);
        return replies;
    }

    /** One FCALL of a pipeline ({@link #callEach}). */
    record Call(ChatFunction function, String[] keys, String[] args) {
    }

    /** {@link #callEach} of calls that write, then one replica confirmation for the whole pipeline. */
    <T> List<T> writeEach(ScriptOutputType type, List<Call> calls) {
        List<T> replies = callEach(type, calls);
        acks.confirm(calls.stream().map(Call::keys).toList());
        return replies;
    }

    /**
     * FCALLs of one function, pipelined: all are sent before the first reply is awaited, and Redis runs them in
     * list order (per node, on a cluster: calls with keys in one slot keep their order). Replies in the same
     * order. A missing library is loaded and the whole list sent again, so {@code function} must be idempotent.
     */
    <T> List<T> callAll(ChatFunction function, ScriptOutputType type, List<String[]> keys, List<String[]> args) {
        List<Call> calls = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            calls.add(new Call(function, keys.get(i), args.get(i)));
        }
        return callEach(type, calls);
    }

    /** {@link #callAll} of calls that may name different functions (all idempotent), replies of one type. */
    <T> List<T> callEach(ScriptOutputType type, List<Call> calls) {
        return pipelined(type, calls, false);
    }

    /** {@link #callEach} of no-writes functions as FCALL_RO: a replica may answer when the read preference allows it. */
    <T> List<T> readEach(ScriptOutputType type, List<Call> calls) {
        return pipelined(type, calls, true);
    }

    private <T> List<T> pipelined(ScriptOutputType type, List<Call> calls, boolean readOnly) {
        return reloadingOnce(() -> {
            RedisClusterAsyncCommands<String, String> async = nodes.async();
            List<RedisFuture<T>> sent = new ArrayList<>(calls.size());
            for (Call call : calls) {
                String name = call.function().redisName();
                sent.add(readOnly ? async.fcallReadOnly(name, type, call.keys(), call.args())
                        : async.fcall(name, type, call.keys(), call.args()));
            }
            List<T> replies = new ArrayList<>(sent.size());
            for (RedisFuture<T> reply : sent) {
                // as the synchronous API waits: Redis errors as RedisCommandExecutionException, then a timeout
                replies.add(LettuceFutures.awaitOrCancel(reply, PIPELINE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return replies;
        });
    }

    /** FCALL_RO: a replica may answer when the read preference allows it. */
    <T> T read(ChatFunction function, ScriptOutputType type, String[] keys, String... args) {
        return reloadingOnce(() -> nodes.commands().fcallReadOnly(function.redisName(), type, keys, args));
    }

    /**
     * FCALL_RO over the raw connection: bulk strings in the reply stay bytes (integers stay {@code Long}), for
     * replies that are passed through rather than decoded.
     */
    List<Object> readRaw(ChatFunction function, String[] keys, String... args) {
        byte[][] values = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return reloadingOnce(() -> nodes.rawCommands().fcallReadOnly(function.redisName(), ScriptOutputType.MULTI, keys,
                values));
    }

    /** FUNCTION LOAD REPLACE on every primary, then checks each answers with the bundled version. */
    synchronized void load() {
        nodes.refreshTopology();
        nodes.forEachPrimary(commands -> {
            try {
                commands.functionLoad(library.code(), true);
            } catch (RedisCommandExecutionException e) {
                throw new IllegalStateException("redis-udf: FUNCTION LOAD of library '" + library.name()
                        + "' failed on Redis at " + nodes.describe() + ": " + e.getMessage(), e);
            }
            String loaded = version(commands);
            if (!library.version().equals(loaded)) {
                throw new IllegalStateException("redis-udf: Redis at " + nodes.describe() + " reports library '"
                        + library.name() + "' version " + loaded + " after loading " + library.version());
            }
        });
        loads.incrementAndGet();
        log.info("Redis functions library '{}' {} loaded on Redis at {}", library.name(), library.version(),
                nodes.describe());
    }

    /** Whether every primary has the library in the bundled version. */
    boolean loaded() {
        AtomicBoolean all = new AtomicBoolean(true);
        nodes.forEachPrimary(commands -> {
            try {
                if (!library.version().equals(version(commands))) {
                    all.set(false);
                }
            } catch (RedisCommandExecutionException e) {
                if (!isFunctionMissing(e)) {
                    throw e;
                }
                all.set(false);
            }
        });
        return all.get();
    }

    private String version(RedisClusterCommands<String, String> commands) {
        return commands.fcall(ChatFunction.CHAT_VERSION.redisName(), ScriptOutputType.VALUE);
    }

    private <T> T reloadingOnce(Supplier<T> call) {
        long generation = loads.get();
        try {
            return routed(call);
        } catch (RedisCommandExecutionException e) {
            if (!isFunctionMissing(e)) {
                throw e;
            }
            reloadUnlessDoneSince(generation);
            return routed(call);
        }
    }

    /**
     * A topology read in the middle of a failover or resharding may name no primary for a slot; Lettuce then refuses
     * calls to it until its next refresh. Reading the topology again at once and retrying once bridges that.
     */
    private <T> T routed(Supplier<T> call) {
        try {
            return typed(call);
        } catch (PartitionSelectorException e) {
            nodes.refreshTopology();
            return typed(call);
        }
    }

    /**
     * An argument the library refuses (code BADARG) is the caller's mistake, as are those the binding refuses
     * before calling: an {@link IllegalArgumentException} (cause: Redis' reply), so that callers can tell it
     * from a failure of Redis or of the library without reading the text.
     */
    private static <T> T typed(Supplier<T> call) {
        try {
            return call.get();
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(REFUSED)) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            throw e;
        }
    }

    private synchronized void reloadUnlessDoneSince(long generation) {
        if (loads.get() == generation) {
            log.warn("Redis at {} is missing the functions library '{}' (restarted without persistence, or a new "
                    + "cluster primary?); loading it again", nodes.describe(), library.name());
            load();
        }
    }

    private static boolean isFunctionMissing(RedisCommandExecutionException e) {
        return e.getMessage() != null && e.getMessage().startsWith(NOT_FOUND);
    }
}
