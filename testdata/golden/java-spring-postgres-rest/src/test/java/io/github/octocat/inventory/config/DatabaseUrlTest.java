package io.github.octocat.inventory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aPostgresUrlIsSplitIntoJdbcUrlUserAndPassword() {
        assertThat(DatabaseUrl.toProperties("postgres://app:s%40cret@db.example:6543/shop?sslmode=disable"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db.example:6543/shop?sslmode=disable")
                .containsEntry("spring.datasource.username", "app")
                .containsEntry("spring.datasource.password", "s@cret");
    }

    @Test
    void thePortDefaultsTo5432() {
        assertThat(DatabaseUrl.toProperties("postgresql://app@localhost/app"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:5432/app");
    }

    @Test
    void anotherSchemeIsAClearError() {
        assertThatThrownBy(() -> DatabaseUrl.toProperties("mysql://app:app@localhost/app"))
                .hasMessageContaining("postgres://");
    }

    @Test
    void aJdbcUrlIsUsedAsItIs() {
        assertThat(DatabaseUrl.toProperties("jdbc:h2:mem:x"))
                .containsEntry("spring.datasource.url", "jdbc:h2:mem:x");
    }
}
