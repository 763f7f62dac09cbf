package io.github.octocat.inventory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts inventory: A REST API for items, built with Spring Boot and PostgreSQL.
 *
 * <p>Configuration comes from the environment: {@code PORT} (default 8080) and
 * {@code DATABASE_URL}, translated to Spring properties by
 * {@link io.github.octocat.inventory.config.DatabaseUrlEnvironmentPostProcessor}.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
