package io.github.octocat.inventory;

import io.github.octocat.inventory.config.DatabaseUrl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class of the tests that need the real database. It uses {@code DATABASE_URL},
 * and skips the tests with a message when it is not set (they fail instead when the
 * environment variable {@code CI} is set, so CI can never skip them silently).
 */
public abstract class TestDatabase {

    private static String url;

    /** The DATABASE_URL the tests run against. */
    public static synchronized String url() {
        if (url == null) {
            String fromEnv = System.getenv("DATABASE_URL");
            if (fromEnv != null && !fromEnv.isBlank()) {
                url = fromEnv;
            } else {
                String how = "DATABASE_URL is not set: start PostgreSQL (docker compose up -d db) and run "
                        + "DATABASE_URL='postgres://app:app@localhost:5432/app?sslmode=disable' ./mvnw test";
                if (System.getenv("CI") != null) {
                    throw new IllegalStateException(how + " (CI is set, so this test may not be skipped)");
                }
                System.err.println("Skipping the tests that need the database. " + how);
                Assumptions.abort(how);
            }
        }
        return url;
    }

    @BeforeAll
    static void requireDatabase() {
        url();
    }

    @DynamicPropertySource
    static void databaseProperties(DynamicPropertyRegistry registry) {
        DatabaseUrl.toProperties(url()).forEach((key, value) -> registry.add(key, () -> value));
    }
}
