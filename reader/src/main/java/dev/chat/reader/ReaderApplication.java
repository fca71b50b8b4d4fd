package dev.chat.reader;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reader. {@link DataSourceAutoConfiguration} is excluded because only the SQL store needs a database:
 * chat-boot ({@code dev.chat.boot.store}) imports it when {@code chat.store=postgres}; with Redis there is no DataSource,
 * and without one Boot's JDBC, Flyway and {@code db} health auto-configurations back off by themselves.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ReaderApplication {

    /** The service's configuration file is {@code reader.yml}, so the three services can share one class path in system tests. */
    public static final String CONFIG_NAME = "spring.config.name=reader";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ReaderApplication.class).properties(CONFIG_NAME).run(args);
    }
}
