package dev.chat.writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** A whole writer process in this JVM, for tests that need several writers or their own Redis. */
public final class StandaloneWriter implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneWriter(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StandaloneWriter start(String kafkaServers, String redisUrl, String... extra) {
        List<String> properties = new ArrayList<>(List.of("spring.kafka.bootstrap-servers=" + kafkaServers, "chat.redis.url=" + redisUrl, "server.port=0",
                "chat.kafka.retry.initial-interval=20ms", "chat.kafka.retry.max-interval=200ms",
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.state.change.logger=ERROR", "logging.structured.format.console="));
        properties.addAll(List.of(extra));
        // as command-line arguments: they override writer.yml, whereas builder properties are only defaults
        String[] args = properties.stream().map(p -> "--" + p).toArray(String[]::new);
        return new StandaloneWriter(new SpringApplicationBuilder(WriterApplication.class)
                .properties(WriterApplication.CONFIG_NAME).run(args));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    public String[] beanNames(Class<?> type) {
        return context.getBeanNamesForType(type);
    }

    /** Partitions the message-commands listener of this writer owns now. */
    public Collection<TopicPartition> messagePartitions() {
        Collection<TopicPartition> assigned = messageListener().getAssignedPartitions();
        return assigned == null ? List.of() : assigned;
    }

    /** The message-commands listener's container, e.g. to pause it. */
    public MessageListenerContainer messageListener() {
        return bean(KafkaListenerEndpointRegistry.class).getListenerContainer("message-commands");
    }

    /** Sum of a counter over all its tags matching the given ones (0 when never incremented). */
    public double count(String name, String... tags) {
        return Search.in(bean(MeterRegistry.class)).name(name).tags(tags).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        context.close();
    }
}
