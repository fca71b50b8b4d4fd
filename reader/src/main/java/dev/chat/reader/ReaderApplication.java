package dev.chat.reader;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReaderApplication {

    /** The service's configuration file is {@code reader.yml}, so the three services can share one class path in system tests. */
    public static final String CONFIG_NAME = "spring.config.name=reader";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ReaderApplication.class).properties(CONFIG_NAME).run(args);
    }
}
