// class-validator decorators for the rules the built-in ones do not have: strings without
// U+0000 or lone surrogates whose lengths count characters (code points), calendar dates and
// dates with a time zone (RFC 3339). Each one checks with the field schema of
// src/validation.ts (the one the SOAP service uses), so a rule and its message live in one
// place.
import { IsIn, ValidateBy, ValidateIf, type ValidationOptions } from "class-validator";
import type { ZodType } from "zod";
import * as field from "../validation.js";

/** A decorator that accepts what the schema accepts and reports the schema's message. */
function MatchesSchema(
  name: string,
  schema: ZodType,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => schema.safeParse(value).success,
        defaultMessage: (args) =>
          schema.safeParse(args?.value).error?.issues[0]?.message ?? "is not valid",
      },
    },
    options,
  );
}

/** A string: no U+0000, no lone surrogate, not blank when required, and its length rules. */
export function IsText(rules: field.CharsRules, options?: ValidationOptions): PropertyDecorator {
  return MatchesSchema("isText", field.chars(rules), options);
}

/** A calendar date, YYYY-MM-DD (RFC 3339 full-date), that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return MatchesSchema("isCalendarDate", field.date(), options);
}

/** A date and time with a zone (RFC 3339), like 2024-05-31T14:30:00Z. */
export function IsDateTimeWithZone(options?: ValidationOptions): PropertyDecorator {
  return MatchesSchema("isDateTimeWithZone", field.dateTime(), options);
}

/** A date and time with a zone, as it is stored and returned: RFC 3339 in UTC. */
export function toUtc(value: string): string {
  return field.dateTime().parse(value);
}

/** toUtc for a field that may be empty: null (or absent) stays null. */
export function toUtcOrNull(value: string | null | undefined): string | null {
  return value == null ? null : toUtc(value);
}

/** One of the values of an enum field. */
export function IsOneOf(values: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return IsIn([...values], { message: `must be one of: ${values.join(", ")}`, ...options });
}

/**
 * Checks the field when it is present, null included: for a field with a default, which may
 * be left out but not set to null.
 */
export function IfPresent(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
