package io.github.octocat.inventory.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text with at least one character that is not white space, by the API contract's definition:
 * Unicode white space, U+001C to U+001F, U+180E, U+200B and U+FEFF (what Java's
 * {@code strip()}, Go, Python and JavaScript trim), the same set as the pattern in
 * api/openapi.yaml. Jakarta's {@code @NotBlank} uses {@code trim()}, which also removes
 * control characters such as U+0001, so it would refuse text the contract accepts.
 * A null value passes: {@code @NotNull} says whether one is allowed.
 */
@Pattern(regexp = "(?s).*[^\\t\\n\\x0B\\f\\r \\x1C-\\x1F\\x85\\xA0\\u1680\\u180E\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF].*")
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBlankText {

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
