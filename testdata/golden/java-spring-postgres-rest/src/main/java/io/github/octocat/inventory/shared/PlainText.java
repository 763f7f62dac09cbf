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
 * Text that every database can store and every client can read back: no U+0000 (PostgreSQL
 * refuses it) and no unpaired surrogate (a broken UTF-16 character, which is not text).
 * The pattern works on code points, so a correct surrogate pair (an emoji) is accepted.
 */
@Pattern(regexp = "[^\\u0000\\uD800-\\uDFFF]*")
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain U+0000 or an unpaired surrogate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
