package dev.chat.boot.kafka;

import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The system's topics ({@link ChatTopics}), declared by whichever service starts first through Boot's
 * {@link KafkaAdmin}: the six the services exchange and the dead-letter topics of the three the writer consumes.
 * The gateways' live signals (typing) are worth nothing a minute later, so that topic keeps one minute.
 * Creating a topic that exists is a no-op, so every service declares all of them and none depends on start order.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(ChatTopics.class)
class KafkaTopicsAutoConfiguration {

    static final String LIVE_SIGNALS_RETENTION_MS = "60000";

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnMissingBean(name = "chatTopics")
    KafkaAdmin.NewTopics chatTopics(ChatTopics chat) {
        return new KafkaAdmin.NewTopics(topics(chat).toArray(NewTopic[]::new));
    }

    static List<NewTopic> topics(ChatTopics chat) {
        ChatTopics.Names t = chat.topics();
        return Stream.of(t.messageCommands(), ChatTopics.deadLetter(t.messageCommands()), t.messageEvents(),
                        t.dialogCommands(), ChatTopics.deadLetter(t.dialogCommands()), t.dialogReplies(),
                        t.readCommands(), ChatTopics.deadLetter(t.readCommands()), t.liveSignals())
                .map(name -> {
                    TopicBuilder topic = TopicBuilder.name(name).partitions(chat.partitions()).replicas(chat.replicas());
                    return (name.equals(t.liveSignals()) ? topic.config("retention.ms", LIVE_SIGNALS_RETENTION_MS) : topic).build();
                })
                .toList();
    }
}
