package dev.chat.writer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The writer. {@link DataSourceAutoConfiguration} is excluded because only the SQL store needs a database:
 * chat-boot ({@code dev.chat.boot.store}) imports it when {@code chat.store=postgres}; with Redis there is no DataSource,
 * and without one Boot's JDBC, Flyway and {@code db} health auto-configurations back off by themselves.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class WriterApplication {

    /** The service's configuration file is {@code writer.yml}, so the three services can share one class path in system tests. */
    public static final String CONFIG_NAME = "spring.config.name=writer";

    public static void main(String[] args) {
        new SpringApplicationBuilder(WriterApplication.class).properties(CONFIG_NAME).run(args);
    }
}
