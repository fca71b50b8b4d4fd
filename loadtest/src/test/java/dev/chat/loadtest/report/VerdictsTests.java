package dev.chat.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.chat.loadtest.report.Summary.Verdict;
import org.junit.jupiter.api.Test;

class VerdictsTests {

    private final StoreFixture sql = new StoreFixture("postgres");
    private final StoreFixture redis = new StoreFixture("redis");
    private Map<String, Object> ceiling = StoreFixture.ceiling("ceiling-new.json");

    private List<Verdict> targets() {
        return Verdicts.targets(sql.build(), redis.build(), new Ceiling(ceiling));
    }

    private Verdict target(String start) {
        List<Verdict> found = targets().stream().filter(v -> v.question().startsWith(start)).toList();
        assertThat(found).as("targets starting with " + start).hasSize(1);
        return found.get(0);
    }

    @Test
    void acceptedToStoredIsMetOnBothStoresWhenEveryStageIsUnderASecond() {
        assertThat(target("accepted → stored p95 ≤ 1 s at every stage — SQL").status()).isEqualTo("met");
        assertThat(target("accepted → stored p95 ≤ 1 s at every stage — Redis").status()).isEqualTo("met");
    }

    @Test
    void acceptedToStoredMissedNamesTheWorstStageAndByHowMuch() {
        sql.storedP95 = new Long[] {20L, 115L, 108_095L, 89_471L};
        Verdict v = target("accepted → stored p95 ≤ 1 s at every stage — SQL");
        assertThat(v.met()).isFalse();
        assertThat(v.answer()).isEqualTo("worst 108,095 ms (stage 3: 100 users)");
        assertThat(v.evidence()).contains("over 1 s at 2 of 4 stages, missed by up to 107,095 ms");
        assertThat(target("accepted → stored p95 ≤ 1 s at every stage — Redis").met()).isTrue();
    }

    @Test
    void pushTargetsAreNotMeasuredWithoutTheWebSocketScenario() {
        redis.pushedP95 = null;
        assertThat(target("accepted → pushed p95").status()).isEqualTo("not measured");
        assertThat(target("send → pushed p99").status()).isEqualTo("not measured");
    }

    @Test
    void pushP99IsJudgedAtTheStageWith100Users() {
        assertThat(target("send → pushed p99 ≤ 100 ms at 100 users").met()).isTrue(); // 80 ms there, 1,000 at the top stage
        redis.pushedP99 = new long[] {60, 100, 1020, 50};
        Verdict v = target("send → pushed p99 ≤ 100 ms at 100 users");
        assertThat(v.met()).isFalse();
        assertThat(v.answer()).isEqualTo("1,020 ms");
        assertThat(v.evidence()).contains("stage 3: 100 users").contains("missed by 920 ms");
    }

    @Test
    void oneMissingAcceptedMessageMissesTheCleanRunTargetOfThatStoreOnly() {
        redis.delivery = StoreFixture.delivery(1000, 1, 0);
        Verdict r = target("0 errors at every stage, 0 accepted messages missing, 0 duplicated — Redis");
        assertThat(r.met()).isFalse();
        assertThat(r.answer()).isEqualTo("0 errors, 1 missing, 0 duplicated");
        assertThat(r.evidence()).contains("missed by 0 errors, 1 missing and 0 duplicated messages");
        assertThat(target("0 errors at every stage, 0 accepted messages missing, 0 duplicated — SQL").met()).isTrue();
    }

    @Test
    void duplicatedMessagesOrFailedRequestsMissTheCleanRunTarget() {
        redis.delivery = StoreFixture.delivery(1000, 0, 2);
        sql.errors = new long[] {0, 0, 0, 3};
        assertThat(target("0 errors at every stage, 0 accepted messages missing, 0 duplicated — Redis").answer())
                .isEqualTo("0 errors, 0 missing, 2 duplicated");
        Verdict s = target("0 errors at every stage, 0 accepted messages missing, 0 duplicated — SQL");
        assertThat(s.met()).isFalse();
        assertThat(s.evidence()).contains("errors per stage [0, 0, 0, 3]");
    }

    @Test
    void withoutADeliveryCheckTheCleanRunTargetIsNotMeasuredUnlessRequestsFailed() {
        sql.delivery = null;
        redis.delivery = null;
        redis.errors = new long[] {1, 0, 0, 0};
        assertThat(target("0 errors at every stage, 0 accepted messages missing, 0 duplicated — SQL").status()).isEqualTo("not measured");
        assertThat(target("0 errors at every stage, 0 accepted messages missing, 0 duplicated — Redis").status()).isEqualTo("missed");
    }

    @Test
    void cpuPerRequestIsNormalisedByTheRunsWriteMessageCeiling() {
        ceiling = StoreFixture.ceiling("ceiling-legacy.json"); // write_message 22,442/s: this host at ×0.47 the reference's speed
        redis.topCpuMs.put(Targets.ALL_CPU, 0.5);
        Verdict met = target("all processes' CPU per request");
        assertThat(met.met()).isTrue();
        assertThat(met.answer()).isEqualTo("0.236 ms");
        redis.topCpuMs.put(Targets.ALL_CPU, 1.35);
        Verdict missed = target("all processes' CPU per request");
        assertThat(missed.met()).isFalse();
        assertThat(missed.answer()).isEqualTo("0.638 ms");
        assertThat(missed.evidence()).contains("1.350 ms measured × 22,442 / 47,520").contains("missed by 0.388 ms");
    }

    @Test
    void readerCpuAndFullStackReadsCompareTheSameRunsTopStage() {
        assertThat(target("reader CPU per read").met()).isFalse(); // 0.3 vs 0.3 ms
        assertThat(target("reader CPU per read").evidence()).contains("0.6× would be ≤ 0.180 ms, missed by 0.120 ms");
        assertThat(target("full-stack reads/s").met()).isFalse(); // 1,200 vs 1,200 reads/s
        assertThat(target("full-stack reads/s").evidence()).contains("1.2× would be 1,440 reads/s, missed by 240 (17 %)");
        redis.topCpuMs.put(Targets.READER_CPU, 0.18);
        redis.readsPerSecond = new double[] {100, 350, 800, 1440};
        assertThat(target("reader CPU per read").met()).isTrue();
        assertThat(target("full-stack reads/s").met()).isTrue();
    }

    @Test
    void storeTargetsAreMetOnTheSampleCeiling() {
        assertThat(target("at the store: Redis newest-100").answer()).isEqualTo("×0.49");
        assertThat(target("at the store: Redis newest-100").met()).isTrue();
        assertThat(target("at the store: Redis server CPU").answer()).isEqualTo("×0.22");
        assertThat(target("at the store: Redis server CPU").met()).isTrue();
        Verdict memory = target("at the store: Redis memory");
        assertThat(memory.met()).isTrue();
        assertThat(memory.answer()).isEqualTo("×1.100 (16 messages a dialog)"); // the worst up to 128; 200 is beyond the target
        assertThat(memory.evidence()).contains("200 messages ×1.400 (beyond the target)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void storeTargetsMissedSayByHowMuch() {
        Map<String, Object> stores = (Map<String, Object>) ceiling.get("stores");
        Map<String, Object> redisOps = (Map<String, Object>) ((Map<String, Object>) stores.get("redis")).get("ops");
        ((Map<String, Object>) redisOps.get("newest100")).put("opsPerSecond", 5000.0);
        Map<String, Object> sqlOps = (Map<String, Object>) ((Map<String, Object>) stores.get("postgres")).get("ops");
        ((Map<String, Object>) sqlOps.get("newest100")).put("serverCpuMsPerOp", 0.2);
        ((Map<String, Object>) ((Map<String, Object>) stores.get("redis")).get("memory")).put("ratioToMembers", 1.2);
        assertThat(target("at the store: Redis newest-100").evidence()).contains("0.45× would be 7,470 calls/s, missed by 2,470 (33 %)");
        assertThat(target("at the store: Redis server CPU").evidence()).contains("0.5× would be ≤ 0.100 ms, missed by 0.010 ms");
        Verdict memory = target("at the store: Redis memory");
        assertThat(memory.met()).isFalse();
        assertThat(memory.answer()).isEqualTo("×1.200 (50 messages a dialog)");
        assertThat(memory.evidence()).contains("missed by 0.050");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDialogSizeMeasuredTwiceToTheSameRatioIsListedOnce() {
        Map<String, Object> memory = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ceiling.get("stores"))
                .get("redis")).get("memory");
        List<Map<String, Object>> bySize = (List<Map<String, Object>>) memory.get("byDialogSize");
        java.util.ArrayList<Map<String, Object>> withMain = new java.util.ArrayList<>(bySize);
        withMain.add(Map.of("messagesPerDialog", memory.get("messagesPerDialog"), "ratioToMembers", memory.get("ratioToMembers")));
        memory.put("byDialogSize", withMain);
        String evidence = target("at the store: Redis memory").evidence();
        assertThat(evidence.split("50 messages ×", -1)).as(evidence).hasSize(2);
    }

    @Test
    void aLegacyCeilingJudgesOnlyTheRedisFiguresItHas() {
        ceiling = StoreFixture.ceiling("ceiling-legacy.json");
        Verdict ratio = target("at the store: Redis newest-100");
        assertThat(ratio.status()).isEqualTo("missed");
        assertThat(ratio.answer()).isEqualTo("×0.29");
        assertThat(target("at the store: Redis server CPU").status()).isEqualTo("not measured");
        assertThat(target("at the store: Redis memory").evidence()).contains("predates the per-store benchmark");
    }

    @Test
    void withoutACeilingTheStoreAndCpuTargetsAreNotMeasured() {
        ceiling = Map.of();
        assertThat(targets().stream().filter(v -> v.question().startsWith("at the store")).map(Verdict::status))
                .containsOnly("not measured");
        assertThat(target("all processes' CPU per request").evidence()).contains("no write_message ceiling");
    }

    @Test
    void theCustomersReadingQuestionIsAnsweredAtTheStoreAndFullStack() {
        redis.readsPerSecond = new double[] {100, 300, 600, 900}; // slower than SQL full stack
        Verdict reads = Verdicts.acceptance(sql.build(), redis.build(), new Ceiling(ceiling)).get(0);
        assertThat(reads.answer()).isEqualTo("at the store: yes; full stack: no");
        assertThat(reads.met()).isFalse();
        assertThat(reads.evidence()).contains("Redis answered 8,200 calls/s against PostgreSQL's 4,000 (×2.05)")
                .contains("for 0.110 ms of the server's CPU a call against 0.500 (×0.22)");
        Verdict legacy = Verdicts.acceptance(sql.build(), redis.build(), new Ceiling(StoreFixture.ceiling("ceiling-legacy.json"))).get(0);
        assertThat(legacy.answer()).isEqualTo("at the store: not measured; full stack: no");
        assertThat(legacy.evidence()).contains("has Redis' figures only: 1,420 newest-100 reads a second");
    }

    @Test
    void theCustomersWritingQuestionComparesWritesAtTheStoreWithinTheMargin() {
        Verdict writes = Verdicts.acceptance(sql.build(), redis.build(), new Ceiling(ceiling)).get(1);
        assertThat(writes.answer()).isEqualTo("at the store: yes; full stack: yes");
        assertThat(writes.evidence()).contains("47,000 calls/s against PostgreSQL's 9,000").contains("in batches of 100, 90,000 messages/s");
    }
}
