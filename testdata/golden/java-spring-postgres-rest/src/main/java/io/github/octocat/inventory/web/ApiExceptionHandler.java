package io.github.octocat.inventory.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.octocat.inventory.http.BodyTooLargeException;
import io.github.octocat.inventory.shared.BadRequestException;
import io.github.octocat.inventory.shared.InvalidFieldException;
import io.github.octocat.inventory.shared.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem detail ({@code application/problem+json}).
 * Spring MVC's own errors (404 no route, 405 wrong method with Allow, 415 not JSON, 400
 * unreadable body …) come from the base class; this class adds the application's:
 * 400 bad query or body shape, 404 unknown id, 409 unique clash, 413 body over 1 MiB,
 * 422 invalid values with {@code "errors":[{"field","message"}]}, and 500 for the rest,
 * which is logged but never shown to the client.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException e) {
        String field = e.getField() == null ? "body" : e.getField();
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, field + " " + e.getMessage(),
                List.of(Map.of("field", field, "message", e.getMessage())));
    }

    /** Bean Validation of a request record (in the service, so SOAP and REST share it). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", jsonName(v), "message", v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> m) -> m.get("field"))
                        .thenComparing(m -> m.get("message")))
                .toList();
        String detail = errors.stream().map(m -> m.get("field") + " " + m.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, detail, errors);
    }

    /** A unique column already holds the value (the database's own check, so no race). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> conflict(DataIntegrityViolationException e) {
        log.info("refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT,
                "another record already has this value in a field that must be unique", null);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred", null);
    }

    /**
     * The body could not be read as JSON: malformed, nested deeper than 64 levels, trailing
     * data after the value, shorter than its Content-Length — all 400; over 1 MiB is 413.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "the request body is not a single valid JSON value", null);
    }

    /** Spring's own problems, sent as application/problem+json too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail) {
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(response.getBody());
        }
        return response;
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail,
            @Nullable List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The JSON name of the violated field: the record component's {@code @JsonProperty}. */
    private static String jsonName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        Object bean = violation.getLeafBean();
        if (name != null && bean != null) {
            try {
                JsonProperty json = bean.getClass().getDeclaredField(name).getAnnotation(JsonProperty.class);
                if (json != null) {
                    return json.value();
                }
            } catch (NoSuchFieldException e) {
                // not a field of the record: use the property name as it is
            }
        }
        return name == null ? "body" : name;
    }
}
