package dev.chat.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the run was on, from /proc and the JVM (the services run on the same {@code java}). */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("cpuModel", read("/proc/cpuinfo", "model name"));
        String kb = read("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
        m.put("memory", kb.isEmpty() ? "?" : Math.round(Long.parseLong(kb) / 1024.0 / 1024.0) + " GiB");
        m.put("kernel", readAll("/proc/sys/kernel/osrelease"));
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        return m;
    }

    private static String read(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String readAll(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
