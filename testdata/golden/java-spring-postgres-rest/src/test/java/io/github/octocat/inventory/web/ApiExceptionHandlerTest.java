package io.github.octocat.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.octocat.inventory.http.BodyTooLargeException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The problems the handler answers with, called directly: the status, a plain sentence, and
 * never the words of the exception when they may come from the database or the JVM.
 */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    private static ProblemDetail problem(ResponseEntity<Object> response, int status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
        return (ProblemDetail) response.getBody();
    }

    @Test
    void aUniqueClashIsA409ThatNamesNoDatabaseDetail() {
        ProblemDetail p = problem(handler.conflict(new DataIntegrityViolationException("could not execute statement",
                new IllegalStateException("UNIQUE constraint failed: things.name"))), 409);
        assertThat(p.getDetail()).isEqualTo("another record already has this value in a field that must be unique");
    }

    @Test
    void anUnexpectedErrorIsA500ThatSaysNothingOfIt() {
        ProblemDetail p = problem(handler.unexpected(new IllegalStateException("/srv/app/secret.txt")), 500);
        assertThat(p.getDetail()).isEqualTo("an unexpected error occurred");
    }

    @Test
    void aBodyThatCannotBeReadIsA400OrA413WhenItWasTooLarge() {
        MockHttpInputMessage input = new MockHttpInputMessage(new byte[0]);
        ProblemDetail bad = problem(handler.handleHttpMessageNotReadable(
                new HttpMessageNotReadableException("Unexpected character at [Source: ...]", input),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, null), 400);
        assertThat(bad.getDetail()).isEqualTo("the request body is not a single valid JSON value");
        ProblemDetail tooLarge = problem(handler.handleHttpMessageNotReadable(
                new HttpMessageNotReadableException("I/O error", new IllegalStateException(new BodyTooLargeException()),
                        input), new HttpHeaders(), HttpStatus.BAD_REQUEST, null), 413);
        assertThat(tooLarge.getDetail()).isEqualTo("the request body is larger than 1 MiB");
    }

    record Sample(@JsonProperty("due_on") @NotNull String dueOn, @Size(max = 1) String note) {
    }

    @Test
    void constraintViolationsAreA422WithOneErrorPerFieldByItsJsonName() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        ProblemDetail p = problem(handler.constraintViolation(
                new ConstraintViolationException(validator.validate(new Sample(null, "too long")))), 422);
        assertThat(p.getProperties()).containsEntry("errors", List.of(
                Map.of("field", "due_on", "message", "must not be null"),
                Map.of("field", "note", "message", "size must be between 0 and 1")));
        assertThat(p.getDetail()).isEqualTo("due_on must not be null; note size must be between 0 and 1");
        assertThat(problem(handler.constraintViolation(new ConstraintViolationException(Set.of())), 422).getDetail())
                .isEqualTo("invalid input");
    }

    @Test
    void springsOwnErrorsAreProblemsToo() throws Exception {
        ResponseEntity<Object> response = handler.handleException(
                new HttpRequestMethodNotSupportedException("DELETE", List.of("GET", "POST")),
                new ServletWebRequest(new MockHttpServletRequest("DELETE", "/api/v1/things")));
        assertThat(problem(response, 405).getStatus()).isEqualTo(405);
        assertThat(response.getHeaders().getAllow()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST);
    }
}
