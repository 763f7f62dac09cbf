// class-validator decorators for the rules the built-in ones do not have: strings without
// U+0000 or lone surrogates whose lengths count characters (code points), calendar dates and
// dates with a time zone (RFC 3339).
import { IsIn, ValidateBy, ValidateIf, type ValidationOptions } from "class-validator";
import { isDate } from "./query.js";

const length = (s: string) => [...s].length;

// Blank is what any runtime trims, not only String.prototype.trim: that keeps U+001C-U+001F,
// U+0085, U+180E and U+200B, which other languages count as spaces.
const OTHER_SPACES = "\u001c\u001d\u001e\u001f\u0085\u180e\u200b";
const isBlank = (s: string) => [...s].every((c) => c.trim() === "" || OTHER_SPACES.includes(c));

export interface TextRules {
  required: boolean;
  min?: number;
  max?: number;
}

/** What is wrong with a string field, or undefined. */
function textProblem(value: unknown, { required, min, max }: TextRules): string | undefined {
  if (typeof value !== "string") return "must be a string";
  if (value.includes("\u0000")) return "must not contain the character U+0000";
  if (!value.isWellFormed()) return "must not contain a lone surrogate (broken UTF-16)";
  if (required && isBlank(value)) return "must not be blank";
  if (min !== undefined && length(value) < min) return `must be at least ${min} characters long`;
  if (max !== undefined && length(value) > max) return `must be at most ${max} characters long`;
  return undefined;
}

/** A string: no U+0000, no lone surrogate, not blank when required, and its length rules. */
export function IsText(rules: TextRules, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "isText",
      validator: {
        validate: (value) => textProblem(value, rules) === undefined,
        defaultMessage: (args) => textProblem(args?.value, rules) ?? "is not valid",
      },
    },
    options,
  );
}

/** A calendar date, YYYY-MM-DD (RFC 3339 full-date), that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "isCalendarDate",
      validator: {
        validate: (value) => typeof value === "string" && isDate(value),
        defaultMessage: () => "must be a date like 2024-05-31",
      },
    },
    options,
  );
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** RFC 3339 date-time with a zone offset, naming a moment that exists. */
export function isDateTime(value: unknown): value is string {
  const parts = typeof value === "string" ? DATE_TIME.exec(value) : null;
  if (!parts) return false;
  const [, day = "", hour, minute, second, , , offsetHour = "0", offsetMinute = "0"] = parts;
  return (
    isDate(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60 &&
    Number(offsetHour) < 24 &&
    Number(offsetMinute) < 60
  );
}

/** A date and time with a zone (RFC 3339), like 2024-05-31T14:30:00Z. */
export function IsDateTimeWithZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "isDateTimeWithZone",
      validator: {
        validate: isDateTime,
        defaultMessage: () => "must be a date and time with a zone, like 2024-05-31T14:30:00Z",
      },
    },
    options,
  );
}

/** A date and time with a zone, as it is stored and returned: RFC 3339 in UTC. */
export function toUtc(value: string): string {
  return new Date(value).toISOString();
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
