package dev.chat.loadtest.faults;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One fault run, from {@code --key value} arguments (scripts/faults.sh passes them).
 *
 * @param gateways    gateway URLs; dialog i sends through gateway i mod n (a client stays on its gateway)
 * @param readers     reader URLs; dialog i is checked on reader i mod n
 * @param perSecond   messages a second per dialog (each dialog's sender is sequential)
 * @param fault       shell line that injects the fault, or null for a run without one
 * @param recover     shell line that ends the fault, or null when the fault command already did
 * @param probeOutage whether login and dialog creation are probed between fault and recovery (Postgres down)
 * @param expectLoss  persistence is off: loss is expected and stated, the run passes if nothing else is wrong
 * @param failover    a sender whose gateway gives no answer retries on the next gateway and stays there
 * @param watch       each dialog's second user also listens on a WebSocket ({@link LiveWatcher}), failing over
 *                    like the senders; the run then also fails on a stored message no client saw
 * @param readyFile   written once the users and dialogs are set up; the traffic then waits for {@code goFile}
 *                    (both or neither)
 */
record FaultOptions(String name, String describe, List<String> gateways, List<String> readers, int dialogs,
                    double perSecond, int seconds, long faultAtMs, String fault, long recoverAtMs, String recover,
                    boolean probeOutage, boolean expectLoss, boolean failover, boolean watch, int settleSeconds,
                    Path out, Path readyFile, Path goFile) {

    FaultOptions {
        if ((readyFile == null) != (goFile == null)) {
            throw new IllegalArgumentException("faults: --ready-file and --go-file come together or not at all");
        }
    }

    static FaultOptions parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("faults: unexpected argument " + args[i]);
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            a.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        return new FaultOptions(need(a, "name"), a.getOrDefault("describe", ""), list(need(a, "gateways")),
                list(need(a, "readers")), Integer.parseInt(a.getOrDefault("dialogs", "16")),
                Double.parseDouble(a.getOrDefault("rate", "8")), Integer.parseInt(a.getOrDefault("seconds", "40")),
                seconds(a.getOrDefault("fault-at", "15")), a.get("fault"), seconds(a.getOrDefault("recover-at", "30")),
                a.get("recover"), a.containsKey("probe-outage"), a.containsKey("expect-loss"),
                a.containsKey("failover"), a.containsKey("watch"),
                Integer.parseInt(a.getOrDefault("settle", "60")), Path.of(need(a, "out")),
                a.containsKey("ready-file") ? Path.of(a.get("ready-file")) : null,
                a.containsKey("go-file") ? Path.of(a.get("go-file")) : null);
    }

    private static String need(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("faults: --" + key + " is required");
        }
        return v;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static long seconds(String s) {
        return Math.round(Double.parseDouble(s) * 1000);
    }
}
