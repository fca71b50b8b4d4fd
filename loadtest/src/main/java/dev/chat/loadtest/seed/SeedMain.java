package dev.chat.loadtest.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./chat seed}: users and friendships into Postgres, dialogs and messages into the selected store,
 * and the logins the load test uses into a CSV ({@code user_id,password,token,friend_ids}, friend ids
 * separated by spaces) with {@code seed.json} (the counts and timings) beside it.
 */
public final class SeedMain {

    private SeedMain() {
    }

    public static void main(String[] args) {
        try {
            run(SeedOptions.parse(args, System.getenv()));
        } catch (Exception e) {
            System.err.println(e.getMessage() != null && e.getMessage().startsWith("seed:") ? e.getMessage() : "seed: failed: " + e);
            if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException)) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    static void run(SeedOptions o) throws Exception {
        System.err.printf(Locale.ROOT, "seed: %,d users, %,d dialogs (%d opened per user), %,d messages (%d per dialog) into %s%n",
                o.users(), o.dialogs(), o.dialogsPerUser(), o.messages(), o.messagesPerDialog(), o.store());
        long started = System.nanoTime();
        Map<String, Object> summary = new LinkedHashMap<>();
        try (HikariDataSource db = pool(o)) {
            UserLoader users = new UserLoader(db, Math.min(o.threads(), 8));
            users.checkSchema();
            SeedPlan plan = new SeedPlan(o.users(), o.dialogsPerUser());
            String hash = new BCryptPasswordEncoder().encode(o.password());
            try (Progress p = new Progress("users", o.users())) {
                users.load(plan, hash, p);
            }
            try (Progress p = new Progress("friends", o.users())) {
                users.loadFriendships(plan, p);
            }
            double dialogSeconds;
            try (DialogLoader loader = loader(o, db); Progress p = new Progress("messages", o.messages())) {
                loader.load(plan, o.messagesPerDialog(), System.currentTimeMillis(), p);
                dialogSeconds = p.seconds();
                loader.settle();
            }
            writeCsv(o, plan);
            summary.put("store", o.store());
            summary.put("users", o.users());
            summary.put("dialogsPerUser", o.dialogsPerUser());
            summary.put("friendsPerUser", 2 * o.dialogsPerUser());
            summary.put("messagesPerDialog", o.messagesPerDialog());
            summary.put("dialogs", o.dialogs());
            summary.put("messages", o.messages());
            summary.put("friendships", 2 * o.dialogs());
            summary.put("messagesPerSecond", Math.round(o.messages() / Math.max(dialogSeconds, 1e-3)));
            summary.put("settings", StoreSettings.capture(db, o.store().equals("redis") ? o.redisUrl() : null));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        Files.writeString(o.out().resolveSibling("seed.json"), JsonMapper.builder().build()
                .writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        System.err.printf(Locale.ROOT, "seed: done in %.1f s; logins in %s%n", seconds, o.out());
    }

    private static DialogLoader loader(SeedOptions o, HikariDataSource db) {
        return o.store().equals("redis") ? new RedisDialogLoader(o.redisUrl(), o.redisCluster(), o.threads())
                : new SqlDialogLoader(db, Math.min(o.threads(), 8));
    }

    private static HikariDataSource pool(SeedOptions o) {
        HikariConfig config = new HikariConfig();
        String url = o.jdbcUrl();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        config.setUsername(o.dbUser());
        config.setPassword(o.dbPassword());
        config.setMaximumPoolSize(Math.min(o.threads(), 8));
        config.setPoolName("seed");
        return new HikariDataSource(config);
    }

    private static void writeCsv(SeedOptions o, SeedPlan plan) throws IOException {
        Path out = o.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Tokens tokens = new Tokens(o.jwtSecret());
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("user_id,password,token,friend_ids\n");
            for (int u = 0; u < plan.userCount(); u++) {
                String friends = plan.friendsOf(u).stream().map(Object::toString).collect(Collectors.joining(" "));
                w.write(plan.user(u) + "," + o.password() + "," + tokens.mint(plan.user(u)) + "," + friends + "\n");
            }
        }
    }
}
