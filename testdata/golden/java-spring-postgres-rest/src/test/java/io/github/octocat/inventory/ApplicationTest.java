package io.github.octocat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Starts the whole application on a random port against the real database and calls it over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationTest extends TestDatabase {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthzIsOkWhenTheDatabaseAnswers() {
        ResponseEntity<String> res = http.getForEntity("/healthz", String.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(res.getBody()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void createReadUpdateDelete() {
        String path = "/api/v1/items";
        ResponseEntity<Map> created = http.postForEntity(path, Map.of("title", "integration"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String location = created.getHeaders().getLocation().toString();
        assertThat(created.getBody()).containsEntry("title", "integration").containsEntry("done", false);

        assertThat(http.getForEntity(location, Map.class).getBody()).containsEntry("title", "integration");

        ResponseEntity<Map> updated = http.exchange(location, HttpMethod.PUT,
                new HttpEntity<>(Map.of("title", "renamed", "done", true)), Map.class);
        assertThat(updated.getBody()).containsEntry("title", "renamed").containsEntry("done", true);

        ResponseEntity<Map> page = http.getForEntity(path + "?limit=1&offset=0", Map.class);
        assertThat(page.getBody()).containsEntry("limit", 1).containsEntry("offset", 0).containsKey("total");

        assertThat(http.exchange(location, HttpMethod.DELETE, null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> gone = http.getForEntity(location, String.class);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(gone.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void servesTheOpenApiDocument() {
        ResponseEntity<String> res = http.getForEntity("/openapi.yaml", String.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(res.getBody()).contains("openapi: 3.1");
    }
}
