package io.github.octocat.inventory.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code DATABASE_URL} before the application starts and adds the matching
 * Spring properties (see {@link DatabaseUrl}). It is registered in
 * {@code src/main/resources/META-INF/spring.factories}.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String databaseUrl = environment.getProperty("DATABASE_URL");
        environment.getPropertySources()
                .addFirst(new MapPropertySource("databaseUrl", DatabaseUrl.toProperties(databaseUrl)));
    }
}
