package io.github.octocat.inventory.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.octocat.inventory.ApiClient;
import io.github.octocat.inventory.TestDatabase;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CORS with {@code CORS_ORIGINS} set (here through its property, spelt as a person would type
 * it, with spaces and an empty item): the listed origins may preflight and call the REST API,
 * any other origin gets no CORS header. ApplicationTest checks that CORS is off by default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.cors.allowed-origins=http://localhost:5173, ,https://app.example.test ")
class CorsTest extends TestDatabase {

    static final String ALLOWED = "https://app.example.test";
    static final String REFUSED = "https://app.example.test.elsewhere.test";
    static final String PATH = "/api/v1/items";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private HttpResponse<String> preflight(String origin, String path, String method, String headers) {
        return api.request("OPTIONS", path, Map.of("Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", headers), null);
    }

    private static List<String> accessControl(HttpHeaders headers) {
        return headers.map().keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")).toList();
    }

    @Test
    void aPreflightFromAListedOriginIsAllowed() {
        for (String[] call : new String[][] {{PATH, "POST"}, {PATH + "/1", "PUT"}, {PATH + "/1", "PATCH"},
                {PATH + "/1", "DELETE"}, {PATH, "GET"}}) {
            for (String origin : new String[] {ALLOWED, "http://localhost:5173"}) {
                HttpResponse<String> res = preflight(origin, call[0], call[1], "content-type");
                assertThat(res.statusCode()).as("%s %s", call[1], call[0]).isEqualTo(200);
                assertThat(res.headers().allValues("Access-Control-Allow-Origin")).containsExactly(origin);
                assertThat(res.headers().firstValue("Access-Control-Allow-Methods")).hasValue(
                        "GET,POST,PUT,PATCH,DELETE");
                assertThat(res.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");
                assertThat(res.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
                assertThat(res.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
                assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
        }
    }

    @Test
    void aPreflightForAMethodOrHeaderNotOfferedIsRefused() {
        assertThat(preflight(ALLOWED, PATH, "TRACE", "content-type").statusCode()).isEqualTo(403);
        HttpResponse<String> res = preflight(ALLOWED, PATH, "POST", "x-secret");
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(accessControl(res.headers())).isEmpty();
    }

    @Test
    void aPreflightFromAnotherOriginIsRefusedWithoutCorsHeaders() {
        for (String origin : new String[] {REFUSED, "http://localhost:51730", "null"}) {
            HttpResponse<String> res = preflight(origin, PATH, "POST", "content-type");
            assertThat(res.statusCode()).as(origin).isEqualTo(403);
            assertThat(accessControl(res.headers())).as(origin).isEmpty();
            assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void aRequestFromAListedOriginGetsThatOriginBack() {
        HttpResponse<String> res = send(ALLOWED);
        assertThat(res.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
        assertThat(res.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
        assertThat(res.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aRequestFromAnotherOriginIsAnsweredAsUsualWithoutCorsHeaders() {
        HttpResponse<String> usual = send(null);
        HttpResponse<String> res = send(REFUSED);
        assertThat(res.statusCode()).isEqualTo(usual.statusCode());
        assertThat(res.body()).isEqualTo(usual.body());
        assertThat(accessControl(res.headers())).isEmpty();
        assertThat(res.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void pathsOutsideTheApiGetNoCorsHeaders() {
        HttpResponse<String> res = api.request("GET", "/healthz", Map.of("Origin", ALLOWED), null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(accessControl(res.headers())).isEmpty();
    }

    /** The API's simplest call, with an Origin header unless origin is null. */
    private HttpResponse<String> send(String origin) {
        Map<String, String> headers = origin == null ? Map.of() : Map.of("Origin", origin);
        HttpResponse<String> res = api.request("GET", PATH + "?limit=1", headers, null);
        assertThat(res.statusCode()).isEqualTo(200);
        return res;
    }
}
