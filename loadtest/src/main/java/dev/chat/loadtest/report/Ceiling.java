package dev.chat.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code data/ceiling.json}, the store-level benchmark, as the report reads it (schema: the {@code CeilingMain}
 * Javadoc). Two generations: the legacy keys only ({@code showMessages50}, {@code showMessages100},
 * {@code writeMessage}: Redis calls/s), as reports before the per-store benchmark have, or those plus
 * {@code stores.redis} / {@code stores.postgres} with ops/s, server and client CPU per op and memory. Every
 * reader here answers null (or 0 for the legacy figures) for what the file does not have.
 */
final class Ceiling {

    /** The operations of {@code stores.<store>.ops}, in the report's order. */
    static final List<String> OPS = List.of("newest50", "newest100", "write", "batch100");

    private final Map<String, Object> json;

    Ceiling(Map<String, Object> json) {
        this.json = json == null ? Map.of() : json;
    }

    boolean any() {
        return !json.isEmpty();
    }

    /** Whether the file has the per-store figures (else: legacy keys only, or nothing). */
    boolean perStore() {
        return !stores().isEmpty();
    }

    boolean has(String store) {
        return stores().containsKey(store);
    }

    /** A legacy key's number, 0 when absent. */
    double legacy(String key) {
        return json.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    Object get(String key) {
        return json.get(key);
    }

    /** Redis' calls/s of an operation: from {@code stores.redis} when there, else the legacy key; 0 when neither. */
    double redisOpsPerSecond(String op) {
        Double perStore = figure("redis", op, "opsPerSecond");
        if (perStore != null) {
            return perStore;
        }
        return legacy(switch (op) {
            case "newest50" -> "showMessages50";
            case "newest100" -> "showMessages100";
            case "write" -> "writeMessage";
            default -> "";
        });
    }

    /** {@code stores.<store>.ops.<op>.<field>}, or null. */
    Double figure(String store, String op, String field) {
        return map(map(store(store).get("ops")).get(op)).get(field) instanceof Number n ? n.doubleValue() : null;
    }

    /** {@code stores.<store>.memory.<field>}, or null. */
    Double memory(String store, String field) {
        return memory(store).get(field) instanceof Number n ? n.doubleValue() : null;
    }

    Map<String, Object> memory(String store) {
        return map(store(store).get("memory"));
    }

    /** Redis' {@code memory.byDialogSize}: [messagesPerDialog, ratioToMembers] pairs, in the file's order. */
    List<double[]> byDialogSize(String store) {
        List<double[]> sizes = new ArrayList<>();
        if (memory(store).get("byDialogSize") instanceof List<?> list) {
            for (Object entry : list) {
                Map<String, Object> e = map(entry);
                if (e.get("messagesPerDialog") instanceof Number size && e.get("ratioToMembers") instanceof Number ratio) {
                    sizes.add(new double[] {size.doubleValue(), ratio.doubleValue()});
                }
            }
        }
        return sizes;
    }

    /** {@code stores.<store>.server} or {@code .client}: how the store was run and called. */
    String describe(String store, String what) {
        Object text = store(store).get(what);
        return text == null ? null : text.toString();
    }

    private Map<String, Object> stores() {
        return map(json.get("stores"));
    }

    private Map<String, Object> store(String store) {
        return map(stores().get(store));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
