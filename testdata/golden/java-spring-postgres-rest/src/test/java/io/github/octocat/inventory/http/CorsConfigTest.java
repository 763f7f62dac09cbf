package io.github.octocat.inventory.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.octocat.inventory.http.CorsConfig.CorsProperties;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How CORS_ORIGINS is read: exact origins, spaces around the commas and empty items ignored. */
class CorsConfigTest {

    @Test
    void theOriginsAreTrimmedAndEmptyItemsDropped() {
        assertThat(new CorsProperties(List.of(" http://localhost:5173", "", "  ", "https://app.example.test "))
                .allowedOrigins()).containsExactly("http://localhost:5173", "https://app.example.test");
    }

    @Test
    void unsetOrEmptyMeansNoOrigins() {
        assertThat(new CorsProperties(null).allowedOrigins()).isEmpty();
        assertThat(new CorsProperties(Arrays.asList("", " ")).allowedOrigins()).isEmpty();
    }

    @Test
    void theFilterIsRegisteredOnlyWhenOriginsAreSet() {
        CorsConfig config = new CorsConfig();
        assertThat(config.corsFilter(new CorsProperties(null)).isEnabled()).isFalse();
        assertThat(config.corsFilter(new CorsProperties(List.of("https://app.example.test"))).isEnabled()).isTrue();
    }
}
