package io.github.octocat.inventory.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The problem for an error the servlet container raised, from the request attributes it sets. */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    private static MockHttpServletRequest errorDispatch(Object status, Object uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }

    @Test
    void aClientErrorKeepsItsStatusAndThePathAskedFor() {
        ResponseEntity<ProblemDetail> res = controller.error(errorDispatch(400, "/api/v1/things"));
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(res.getBody().getDetail()).isEqualTo("Bad Request");
        assertThat(res.getBody().getInstance()).isEqualTo(URI.create("/api/v1/things"));
    }

    @Test
    void aServerErrorSaysNothingOfItsCause() {
        for (Object status : new Object[] {500, 503, 999, "500"}) {
            ResponseEntity<ProblemDetail> res = controller.error(errorDispatch(status, "/x"));
            int expected = status.equals(503) ? 503 : 500;
            assertThat(res.getStatusCode().value()).as("%s", status).isEqualTo(expected);
            assertThat(res.getBody().getDetail()).isEqualTo("an unexpected error occurred");
        }
    }

    @Test
    void theErrorPathAskedForItselfIsA404() {
        ResponseEntity<ProblemDetail> res = controller.error(new MockHttpServletRequest("GET", "/error"));
        assertThat(res.getStatusCode().value()).isEqualTo(404);
        assertThat(res.getBody().getInstance()).isEqualTo(URI.create("/error"));
    }

    @Test
    void aPathThatIsNoUriIsLeftOut() {
        assertThat(controller.error(errorDispatch(404, "/a b")).getBody().getInstance()).isNull();
    }
}
