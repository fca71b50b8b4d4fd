package dev.chat.writer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WriterApplication {

    /** The service's configuration file is {@code writer.yml}, so the three services can share one class path in system tests. */
    public static final String CONFIG_NAME = "spring.config.name=writer";

    public static void main(String[] args) {
        new SpringApplicationBuilder(WriterApplication.class).properties(CONFIG_NAME).run(args);
    }
}
