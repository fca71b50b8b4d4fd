package dev.chat.reader.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;

class ProblemAdviceTests {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aClusterFailingOverOrALoadingRedisIsUnavailableNotAnInternalError() {
        for (String reply : new String[] {"CLUSTERDOWN The cluster is down", "LOADING Redis is loading the dataset",
            "TRYAGAIN Multiple keys request during rehashing of slot", "MASTERDOWN Link with MASTER is down"}) {
            assertThat(advice.storeUnavailable(new RedisCommandExecutionException(reply)).getStatusCode().value())
                    .as(reply).isEqualTo(503);
        }
        assertThat(advice.storeUnavailable(new RedisConnectionException("refused")).getStatusCode().value())
                .isEqualTo(503);
    }

    @Test
    void anyOtherErrorReplyIsAnInternalError() {
        assertThat(advice.storeUnavailable(new RedisCommandExecutionException("ERR chat.show_messages: boom"))
                .getStatusCode().value()).isEqualTo(500);
        assertThat(advice.storeUnavailable(new RedisCommandExecutionException("WRONGTYPE Operation against a key"))
                .getStatusCode().value()).isEqualTo(500);
    }
}
