package io.github.octocat.inventory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The headers every answer gets, and the 1 MiB limit on request bodies. */
class HttpGuardFilterTest {

    private static final int LIMIT = HttpGuardFilter.MAX_BODY_BYTES;

    private final ObjectMapper json = new ObjectMapper();

    private MockFilterChain run(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        new HttpGuardFilter(json).doFilter(request, response, chain);
        return chain;
    }

    private static MockHttpServletRequest post(String uri, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContent(body);
        return request;
    }

    @Test
    void setsNosniffEverywhereAndNoStoreOnTheApi() throws Exception {
        MockHttpServletResponse api = new MockHttpServletResponse();
        run(new MockHttpServletRequest("GET", "/api/v1/things"), api);
        assertThat(api.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getHeader("Cache-Control")).isEqualTo("no-store");
        MockHttpServletResponse other = new MockHttpServletResponse();
        MockFilterChain chain = run(new MockHttpServletRequest("GET", "/healthz"), other);
        assertThat(other.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(other.getHeader("Cache-Control")).isNull();
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void aContentLengthOverTheLimitIsA413ProblemAtOnce() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = run(post("/api/v1/things", new byte[LIMIT + 1]), response);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(json.readTree(response.getContentAsByteArray()).get("detail").asText())
                .isEqualTo("the request body is larger than 1 MiB");
    }

    @Test
    void aBodyOfExactlyTheLimitIsPassedOn() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = run(post("/api/v1/things", new byte[LIMIT]), response);
        ServletInputStream in = chain.getRequest().getInputStream();
        assertThat(in).isSameAs(chain.getRequest().getInputStream());
        assertThat(in.readAllBytes()).hasSize(LIMIT);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.isFinished()).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    /** Without a Content-Length (chunked), the stream itself fails past the limit, byte by byte or in blocks. */
    @Test
    void aBodyThatGrowsPastTheLimitFailsWhileItIsRead() throws Exception {
        ServletInputStream blocks = limited(new byte[LIMIT + 1]);
        byte[] buffer = new byte[LIMIT];
        assertThat(blocks.read(buffer, 0, LIMIT)).isEqualTo(LIMIT);
        assertThatThrownBy(() -> blocks.read(buffer, 0, 1)).isInstanceOf(BodyTooLargeException.class);

        ServletInputStream bytes = limited(new byte[LIMIT + 1]);
        for (int i = 0; i < LIMIT; i++) {
            assertThat(bytes.read()).isZero();
        }
        assertThatThrownBy(bytes::read).isInstanceOf(BodyTooLargeException.class);
    }

    /** The limited stream of a request whose Content-Length is not known in advance. */
    private ServletInputStream limited(byte[] body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/things") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(body);
        MockFilterChain chain = run(request, new MockHttpServletResponse());
        return chain.getRequest().getInputStream();
    }

    @Test
    void theSoapEndpointKeepsItsOwnLimit() throws Exception {
        MockHttpServletRequest request = post("/soap", new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = run(request, response);
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void readersSeeTheRealStreamState() throws Exception {
        MockFilterChain chain = run(post("/api/v1/things", new byte[] {1}), new MockHttpServletResponse());
        ServletInputStream in = chain.getRequest().getInputStream();
        assertThat(in.isFinished()).isFalse();
        assertThat(in.isReady()).isTrue();
        assertThat(in.read()).isEqualTo(1);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.isFinished()).isTrue();
    }
}
