package io.github.octocat.inventory.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.octocat.inventory.http.CorsConfig.CorsProperties;
import jakarta.servlet.Filter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.CorsFilter;

/**
 * How CORS_ORIGINS is read (exact origins, spaces around the commas and empty items ignored)
 * and what the filter built from it answers, called directly; CorsTest checks the same through
 * the running application.
 */
class CorsConfigTest {

    static final String ALLOWED = "https://app.example.test";
    static final String PATH = "/api/v1/items";

    private final CorsConfig config = new CorsConfig();

    private final FilterRegistrationBean<CorsFilter> registration =
            config.corsFilter(new CorsProperties(List.of(ALLOWED)));

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private final MockFilterChain chain = new MockFilterChain();

    private void filter(MockHttpServletRequest request) throws Exception {
        Filter filter = registration.getFilter();
        filter.doFilter(request, response, chain);
    }

    private static MockHttpServletRequest request(String method, String path, String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Origin", origin);
        return request;
    }

    private static MockHttpServletRequest preflight(String origin, String method) {
        MockHttpServletRequest request = request("OPTIONS", PATH, origin);
        request.addHeader("Access-Control-Request-Method", method);
        request.addHeader("Access-Control-Request-Headers", "content-type");
        return request;
    }

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
    void theFilterIsRegisteredOnlyWhenOriginsAreSetRightAfterTheGuard() {
        assertThat(config.corsFilter(new CorsProperties(null)).isEnabled()).isFalse();
        assertThat(registration.isEnabled()).isTrue();
        assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1);
    }

    @Test
    void theRulesAllowNoCredentials() {
        assertThat(CorsConfig.corsConfiguration(List.of(ALLOWED), List.of("POST"), List.of("Content-Type"))
                .getAllowCredentials()).isFalse();
    }

    @Test
    void aPreflightFromAListedOriginGetsTheRules() throws Exception {
        filter(preflight(ALLOWED, "POST"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET,POST,PUT,PATCH,DELETE");
        assertThat(response.getHeader("Access-Control-Allow-Headers")).isEqualTo("content-type");
        assertThat(response.getHeader("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
        assertThat(chain.getRequest()).as("a preflight goes no further").isNull();
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() throws Exception {
        filter(preflight("https://elsewhere.example.test", "POST"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aCallFromAListedOriginIsAnsweredWithItsOrigin() throws Exception {
        filter(request("POST", PATH, ALLOWED));
        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    }

    @Test
    void aCallFromAnotherOriginIsAnsweredWithoutCorsHeaders() throws Exception {
        filter(request("POST", PATH, "https://elsewhere.example.test"));
        assertThat(chain.getRequest()).as("answered as usual, not with 403").isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(response.getHeaders("Vary")).contains("Origin");
    }

    @Test
    void aCallFromAListedOriginWithAMethodNotSharedIsRefused() throws Exception {
        filter(request("TRACE", PATH, ALLOWED));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void pathsOutsideTheApiGetNoCorsHeaders() throws Exception {
        filter(request("GET", "/health", ALLOWED));
        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }
}
