// Building blocks of the zod schemas in src/<resource>/schema: one function per field type,
// each with messages a client can act on. Lengths count characters (code points), as the
// API documents them, not UTF-16 units.
import { z } from "zod";
import { HttpError, ValidationError, type FieldError } from "./http/problem.js";

/** The message for a value of the wrong type, for an absent one and for null. */
function typeError(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? "is required"
      : issue.input === null
        ? "must not be null"
        : `must be ${expected}`;
}

const length = (s: string) => [...s].length;

// Blank is what any runtime trims, not only String.prototype.trim: that keeps U+001C-U+001F,
// U+0085, U+180E and U+200B, which other languages count as spaces.
const OTHER_SPACES = "\u001c\u001d\u001e\u001f\u0085\u180e\u200b";
const isBlank = (s: string) => [...s].every((c) => c.trim() === "" || OTHER_SPACES.includes(c));

export interface CharsRules {
  required: boolean;
  min?: number;
  max?: number;
}

/** A string: no U+0000, no lone surrogate, and the length rules of the field. */
export function chars({ required, min, max }: CharsRules) {
  let schema = z
    .string({ error: typeError("a string") })
    .refine((s) => !s.includes("\u0000"), "must not contain the character U+0000")
    .refine((s) => s.isWellFormed(), "must not contain a lone surrogate (broken UTF-16)");
  if (required) schema = schema.refine((s) => !isBlank(s), "must not be blank");
  if (min !== undefined) {
    schema = schema.refine((s) => length(s) >= min, `must be at least ${min} characters long`);
  }
  if (max !== undefined) {
    schema = schema.refine((s) => length(s) <= max, `must be at most ${max} characters long`);
  }
  return schema;
}

/** A whole number; JavaScript holds them exactly up to 2^53 - 1, so larger ones are refused. */
export function int(min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return z
    .number({ error: typeError("a whole number") })
    .int({ error: `must be a whole number between ${min} and ${max}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
}

/** A finite number (JSON has no NaN; 1e400 parses to Infinity and is refused). */
export function float(min?: number, max?: number) {
  let schema = z.number({ error: typeError("a number") });
  if (min !== undefined) schema = schema.min(min, { error: `must be at least ${min}` });
  if (max !== undefined) schema = schema.max(max, { error: `must be at most ${max}` });
  return schema;
}

export function bool() {
  return z.boolean({ error: typeError("true or false") });
}

/** A calendar date, YYYY-MM-DD (RFC 3339 full-date), that exists. */
export function date() {
  return z.iso.date({ error: typeError("a date like 2024-05-31") });
}

/** A date and time with a zone (RFC 3339); stored and returned in UTC. */
export function dateTime() {
  return z.iso
    .datetime({
      offset: true,
      error: typeError("a date and time with a zone, like 2024-05-31T14:30:00Z"),
    })
    .transform((s) => new Date(s).toISOString());
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: typeError(`one of: ${values.join(", ")}`) });
}

/**
 * Parses an untrusted body with a schema and returns the parsed value, or throws: a body
 * that is not a JSON object is a 400, a field that breaks its rules a 422 naming it.
 */
export function validate<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HttpError(400, "the request body must be a JSON object");
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ValidationError(fieldErrors(result.error));
}

function fieldErrors(error: z.ZodError): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors.push({ field: key, message: "is not a known field" });
    } else {
      errors.push({ field: issue.path.map(String).join(".") || "body", message: issue.message });
    }
  }
  return errors;
}
