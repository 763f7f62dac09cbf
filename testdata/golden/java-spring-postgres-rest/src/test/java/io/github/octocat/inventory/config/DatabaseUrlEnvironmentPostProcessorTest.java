package io.github.octocat.inventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** DATABASE_URL becomes Spring's datasource properties before the application starts. */
class DatabaseUrlEnvironmentPostProcessorTest {

    private static final String URL = "postgres://app:app@localhost:5432/app?sslmode=disable";

    @Test
    void theUrlsPropertiesComeFirst() {
        MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", URL);
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        DatabaseUrl.toProperties(URL).forEach((key, value) ->
                assertThat(environment.getProperty(key)).as(key).isEqualTo(value));
        assertThat(environment.getPropertySources().iterator().next().getName()).isEqualTo("databaseUrl");
    }
}
