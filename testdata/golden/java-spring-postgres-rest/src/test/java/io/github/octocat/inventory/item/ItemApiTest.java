package io.github.octocat.inventory.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.octocat.inventory.ApiClient;
import io.github.octocat.inventory.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The items API over HTTP against the real database, with the values of the model:
 * every valid edge value is stored and read back, every invalid one is a 422 naming the field
 * and stores nothing. Everything a test creates is deleted afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ItemApiTest extends TestDatabase {

    static final String PATH = "/api/v1/items";
    static final String EXAMPLE = "{\"title\":\"Title 0\",\"done\":false}";
    static final String EXAMPLE_2 = "{\"title\":\"Title 1\",\"done\":true}";
    static final String MINIMAL = "{\"title\":\"Title 2\"}";

    @LocalServerPort
    int port;

    ApiClient api;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void deleteWhatWasCreated() {
        created.forEach(location -> api.send("DELETE", location, null, null));
    }

    private JsonNode create(String body) {
        HttpResponse<String> res = api.json("POST", PATH, body);
        assertThat(res.statusCode()).as("POST %s -> %s", body, res.body()).isEqualTo(201);
        String location = res.headers().firstValue("Location").orElseThrow();
        created.add(location);
        JsonNode object = ApiClient.parse(res.body());
        assertThat(location).isEqualTo(PATH + "/" + object.get("id").asText());
        return object;
    }

    private long total() {
        return ApiClient.parse(api.get(PATH + "?limit=1").body()).get("total").asLong();
    }

    /** Every field sent is read back with the same value (times compared as instants). */
    private static void assertFields(String sent, JsonNode got) {
        ApiClient.parse(sent).fields().forEachRemaining(field -> {
            JsonNode want = field.getValue();
            JsonNode have = got.get(field.getKey());
            assertThat(have).as(field.getKey()).isNotNull();
            if (want.isNumber()) {
                assertThat(have.asDouble()).as(field.getKey()).isEqualTo(want.asDouble());
            } else if (want.isTextual() && want.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
                assertThat(OffsetDateTime.parse(have.asText()).toInstant()).as(field.getKey())
                        .isEqualTo(OffsetDateTime.parse(want.asText()).toInstant());
            } else {
                assertThat(have).as(field.getKey()).isEqualTo(want);
            }
        });
    }

    @Test
    void createReadReplacePatchAndDelete() throws InterruptedException {
        JsonNode object = create(EXAMPLE);
        assertFields(EXAMPLE, object);
        String location = PATH + "/" + object.get("id").asText();

        HttpResponse<String> read = api.get(location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertFields(EXAMPLE, ApiClient.parse(read.body()));

        // updated_at must move: wait past the precision the database keeps.
        Thread.sleep(5);
        HttpResponse<String> replaced = api.json("PUT", location, EXAMPLE_2);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode after = ApiClient.parse(replaced.body());
        assertFields(EXAMPLE_2, after);
        assertThat(after.get("created_at")).isEqualTo(object.get("created_at"));
        assertThat(after.get("updated_at")).isNotEqualTo(object.get("updated_at"));

        HttpResponse<String> patched = api.send("PATCH", location, "application/merge-patch+json", "{}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertFields(EXAMPLE_2, ApiClient.parse(patched.body()));

        assertThat(api.send("DELETE", location, null, null).statusCode()).isEqualTo(204);
        assertThat(api.get(location).statusCode()).isEqualTo(404);
        JsonNode again = create(EXAMPLE);
        assertThat(again.get("id")).as("an id is never reused").isNotEqualTo(object.get("id"));
    }

    @Test
    void absentFieldsGetTheirDefaultOrNull() {
        JsonNode object = create(MINIMAL);
        assertThat(object.get("done")).isEqualTo(ApiClient.parse("false"));
    }

    @Test
    void titleAcceptsItsEdgeValues() {
        assertFields("{\"title\":\"a\",\"done\":false}", create("{\"title\":\"a\",\"done\":false}"));
        assertFields("{\"title\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"done\":true}", create("{\"title\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"done\":true}"));
        assertFields("{\"title\":\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u2713\",\"done\":false}", create("{\"title\":\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u2713\",\"done\":false}"));
    }

    @Test
    void titleRefusesInvalidValues() {
        long before = total();
        assertInvalid("{\"title\":null,\"done\":false}", "title"); // null for a required field
        assertInvalid("{\"title\":12345,\"done\":false}", "title"); // a number instead of a string
        assertInvalid("{\"title\":\"bad\\u0000value\",\"done\":false}", "title"); // a string holding U+0000
        assertInvalid("{\"title\":\"bad\\ud800value\",\"done\":false}", "title"); // a string holding a lone surrogate
        assertInvalid("{\"title\":\"   \",\"done\":false}", "title"); // a blank string
        assertInvalid("{\"title\":\"\u00a0\u200b\ufeff\u3000\",\"done\":false}", "title"); // a string of spaces only some runtimes trim
        assertInvalid("{\"title\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"done\":false}", "title"); // one character too long
        assertThat(total()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void doneAcceptsItsEdgeValues() {
        assertFields("{\"title\":\"Title a\",\"done\":true}", create("{\"title\":\"Title a\",\"done\":true}"));
        assertFields("{\"title\":\"Title b\",\"done\":false}", create("{\"title\":\"Title b\",\"done\":false}"));
    }

    @Test
    void doneRefusesInvalidValues() {
        long before = total();
        assertInvalid("{\"title\":\"Title u\",\"done\":null}", "done"); // null for a field with a default
        assertInvalid("{\"title\":\"Title u\",\"done\":\"true\"}", "done"); // a string instead of true or false
        assertInvalid("{\"title\":\"Title u\",\"done\":1}", "done"); // a number instead of true or false
        assertThat(total()).as("nothing stored").isEqualTo(before);
    }

    private void assertInvalid(String body, String field) {
        HttpResponse<String> res = api.json("POST", PATH, body);
        assertThat(res.statusCode()).as("POST %s -> %s", body, res.body()).isEqualTo(422);
        JsonNode problem = ApiClient.parse(res.body());
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        HttpResponse<String> res = api.json("POST", PATH, "{\"no_such_field\":1}");
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(ApiClient.parse(res.body()).get("errors").findValuesAsText("field")).contains("no_such_field");
    }

    @Test
    void filtersBySingleFields() {
        create(EXAMPLE);
        create(EXAMPLE_2);
        assertFiltered("title", "Title 0");
        assertFiltered("done", "false");
    }

    private void assertFiltered(String field, String value) {
        HttpResponse<String> res = api.get(PATH + "?" + field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode items = ApiClient.parse(res.body()).get("items");
        assertThat(items.size()).as(field).isPositive();
        items.forEach(item -> assertThat(item.get(field).asText()).as(field).isEqualTo(value));
    }

    @Test
    void listsPageAndSort() {
        JsonNode first = create(EXAMPLE);
        JsonNode second = create(EXAMPLE_2);
        JsonNode page = ApiClient.parse(api.get(PATH + "?limit=1&sort=-id").body());
        assertThat(page.get("limit").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id")).isEqualTo(second.get("id"));
        assertThat(first.get("id")).isNotEqualTo(second.get("id"));
        for (String bad : new String[] {"limit=0", "limit=101", "limit=", "offset=-1", "offset=x",
                "sort=no_such_field", "sort=id,id", "limit=1&limit=2"}) {
            assertThat(api.get(PATH + "?" + bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void hostileBodiesAreRefusedAndNothingIsStored() {
        long before = total();
        assertThat(api.json("POST", PATH, EXAMPLE + " trailing").statusCode()).isEqualTo(400);
        assertThat(api.json("POST", PATH, EXAMPLE + EXAMPLE).statusCode()).isEqualTo(400);
        assertThat(api.json("POST", PATH, "[" + EXAMPLE + "]").statusCode()).isEqualTo(400);
        assertThat(api.json("POST", PATH, "[".repeat(100) + "]".repeat(100)).statusCode()).isEqualTo(400);
        assertThat(api.send("POST", PATH, "text/plain", EXAMPLE).statusCode()).isEqualTo(415);
        assertThat(api.send("POST", PATH, "multipart/form-data; boundary=x", "--x--").statusCode()).isEqualTo(415);
        assertThat(api.json("POST", PATH, "{\"x\":\"" + "y".repeat(1 << 20) + "\"}").statusCode()).isEqualTo(413);
        assertThat(total()).isEqualTo(before);
    }
}
