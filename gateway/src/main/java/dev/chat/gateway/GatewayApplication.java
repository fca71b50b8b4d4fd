package dev.chat.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** The service's configuration file is {@code gateway.yml}, so the three services can share one class path in system tests. */
    public static final String CONFIG_NAME = "spring.config.name=gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).properties(CONFIG_NAME).run(args);
    }
}
