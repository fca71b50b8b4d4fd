package dev.chat.loadtest.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SeedPlanTests {

    @Test
    void everyDialogIsADistinctPairOfFriends() {
        SeedPlan plan = new SeedPlan(11, 5);
        Set<Set<UUID>> pairs = new HashSet<>();
        for (long d = 0; d < plan.dialogCount(); d++) {
            assertThat(plan.owner(d)).isNotEqualTo(plan.friend(d));
            pairs.add(Set.of(plan.owner(d), plan.friend(d)));
        }
        assertThat(pairs).hasSize(55);
    }

    @Test
    void friendsAreExactlyThePartnersOfTheUsersDialogs() {
        SeedPlan plan = new SeedPlan(20, 3);
        for (int u = 0; u < plan.userCount(); u++) {
            UUID user = plan.user(u);
            Set<UUID> partners = new HashSet<>();
            for (long d = 0; d < plan.dialogCount(); d++) {
                if (plan.owner(d).equals(user)) {
                    partners.add(plan.friend(d));
                } else if (plan.friend(d).equals(user)) {
                    partners.add(plan.owner(d));
                }
            }
            List<UUID> friends = plan.friendsOf(u);
            assertThat(friends).hasSize(6).doesNotHaveDuplicates();
            assertThat(new HashSet<>(friends)).isEqualTo(partners);
        }
    }

    @Test
    void optionsNeedMoreUsersThanTwiceTheDialogsPerUser() {
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"--users", "10", "--dialogs-per-user", "5"}, Map.of()))
                .hasMessageContaining("must exceed 2 x --dialogs-per-user");
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"--colour", "red"}, Map.of()))
                .hasMessageContaining("unknown option");
        SeedOptions o = SeedOptions.parse(new String[] {"--users=1_000", "--store", "postgres"}, Map.of("REDIS_URL", "redis://x:1"));
        assertThat(o.users()).isEqualTo(1000);
        assertThat(o.store()).isEqualTo("postgres");
        assertThat(o.redisUrl()).isEqualTo("redis://x:1");
        assertThat(o.messages()).isEqualTo(1000L * 5 * 50);
        assertThat(o.redisCluster()).isFalse();
    }

    @Test
    void theRedisIsAClusterWhenTheOptionOrChatEnvSaysSo() {
        assertThat(SeedOptions.parse(new String[] {"--redis-cluster", "true"}, Map.of()).redisCluster()).isTrue();
        assertThat(SeedOptions.parse(new String[] {}, Map.of("CHAT_REDIS_CLUSTER", "true")).redisCluster()).isTrue();
        assertThat(SeedOptions.parse(new String[] {"--redis-cluster", "false"}, Map.of("CHAT_REDIS_CLUSTER", "true"))
                .redisCluster()).isFalse();
    }
}
