package dev.chat.loadtest.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc} (Linux), in clock ticks (user + system). PostgreSQL counts with
 * all its backends (children of the postmaster); Gatling is found by its command line.
 */
final class ProcCpu {

    private final Map<String, Long> pids;

    /** @param pids part name → pid ({@code postgres} = the postmaster) */
    ProcCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** Ticks used so far by each part (missing: gone), plus {@code machine.busy}, {@code .all} and {@code .steal}. */
    Map<String, Long> sample() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<Long, long[]> all = allProcesses();
        pids.forEach((part, pid) -> {
            long sum = 0;
            for (Map.Entry<Long, long[]> p : all.entrySet()) {
                boolean own = p.getKey().equals(pid) || (part.equals("postgres") && p.getValue()[0] == pid);
                sum += own ? p.getValue()[1] : 0;
            }
            ticks.put(part, sum);
        });
        ticks.put("gatling", ticksOf(all, cmd -> cmd.contains("io.gatling") && !cmd.contains("classworlds")));
        List<String> stat = Files.readAllLines(Path.of("/proc/stat"));
        String[] cpu = stat.get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        ticks.put("machine.busy", total - idle);
        ticks.put("machine.all", total);
        // time the hypervisor gave this VM's CPUs to others: high steal makes every process look slower
        ticks.put("machine.steal", cpu.length > 8 ? Long.parseLong(cpu[8]) : 0);
        // context switches of the whole machine (a count, not ticks): thread hand-offs cost every process cache warmth
        stat.stream().filter(l -> l.startsWith("ctxt ")).findFirst()
                .ifPresent(l -> ticks.put("machine.ctxt", Long.parseLong(l.substring(5).trim())));
        return ticks;
    }

    private static long ticksOf(Map<Long, long[]> all, Predicate<String> command) {
        long sum = 0;
        for (Long pid : all.keySet()) {
            try {
                String cmd = Files.readString(Path.of("/proc", pid.toString(), "cmdline")).replace('\0', ' ');
                sum += command.test(cmd) ? all.get(pid)[1] : 0;
            } catch (IOException gone) {
                // exited between the listing and now
            }
        }
        return sum;
    }

    /** pid → {ppid, utime + stime}. */
    private static Map<Long, long[]> allProcesses() throws IOException {
        Map<Long, long[]> all = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // fields after the command, which is in parentheses and may contain spaces
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    all.put(Long.parseLong(p.getFileName().toString()),
                            new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                } catch (IOException | RuntimeException gone) {
                    // exited while listing
                }
            });
        }
        return all;
    }
}
