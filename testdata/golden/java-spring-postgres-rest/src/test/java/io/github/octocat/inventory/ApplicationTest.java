package io.github.octocat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Starts the whole application on a random port against the real database and calls it over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationTest extends TestDatabase {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void healthzIsOkWhenTheDatabaseAnswers() {
        HttpResponse<String> res = api.get("/healthz");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void livezAndReadyzAreOkAndTakeOnlyGet() {
        for (String probe : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> res = api.get(probe);
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).isEqualTo("{\"status\":\"ok\"}");
            HttpResponse<String> post = api.send("POST", probe, "application/json", "{}");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        }
    }

    @Test
    void anyContentTypeOnARouteWithoutBodyIsIgnored() {
        for (String type : new String[] {"multipart/form-data; boundary=x", "text/plain", "nonsense"}) {
            assertThat(api.send("GET", "/healthz", type, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void unknownRouteIsA404Problem() {
        HttpResponse<String> res = api.get("/no/such/route");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.parse(res.body()).get("instance").asText()).isEqualTo("/no/such/route");
    }

    @Test
    void theErrorPathAskedForDirectlyIsA404Problem() {
        HttpResponse<String> res = api.get("/error");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** Tomcat would refuse TRACE with a bare 405 before any filter, and the servlet API would echo it. */
    @Test
    void traceIsAProblemLikeAnyOtherMethodAndIsNeverEchoed() {
        HttpResponse<String> res = api.send("TRACE", "/healthz", null, null);
        assertThat(res.statusCode()).isEqualTo(405);
        assertThat(res.headers().firstValue("Allow")).hasValue("GET");
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(res.body()).doesNotContain("TRACE /healthz");
        assertThat(ApiClient.parse(res.body()).get("instance").asText()).isEqualTo("/healthz");
        assertThat(api.send("TRACE", "/no/such/route", null, null).statusCode()).isEqualTo(404);
    }

    /** CORS is off unless CORS_ORIGINS is set (see http/CorsTest): no CORS header, OPTIONS answered as ever. */
    @Test
    void corsIsOffByDefault() {
        String path = "/api/v1/items";
        HttpResponse<String> simple = api.request("GET", path, Map.of("Origin", "https://app.example.test"), null);
        assertThat(simple.statusCode()).isEqualTo(200);
        assertThat(simple.headers().map().keySet()).noneMatch(ApplicationTest::isCorsHeader)
                .noneMatch("vary"::equalsIgnoreCase);
        HttpResponse<String> preflight = api.request("OPTIONS", path, Map.of("Origin", "https://app.example.test",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"), null);
        assertThat(preflight.statusCode()).isBetween(400, 499);
        assertThat(preflight.headers().map().keySet()).noneMatch(ApplicationTest::isCorsHeader);
        assertThat(preflight.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> options = api.request("OPTIONS", path, Map.of(), null);
        assertThat(options.statusCode()).isLessThan(500);
        assertThat(options.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    private static boolean isCorsHeader(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("access-control-");
    }

    @Test
    void servesTheOpenApiDocumentAndItsDocs() {
        HttpResponse<String> spec = api.get("/openapi.yaml");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi: 3.1");
        HttpResponse<String> docs = api.get("/docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("swagger-ui");
    }
}
