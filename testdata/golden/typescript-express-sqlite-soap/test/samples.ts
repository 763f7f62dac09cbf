// Loads the samples scaffold wrote from the model (test/fixtures/<resource>.json): valid and
// invalid values of every field, as JSON text.
import { readFileSync } from "node:fs";

export interface Sample {
  rule: string;
  json: string;
}

export interface FieldSamples {
  name: string;
  required: boolean;
  nullable: boolean;
  valid: Sample[];
  invalid: Sample[];
}

export interface Samples {
  example: string;
  example2: string;
  minimal: string;
  fields: FieldSamples[];
}

export function loadSamples(resource: string): Samples {
  const file = new URL(`./fixtures/${resource}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")) as Samples;
}

/**
 * The JSON text of `base` (an object, as JSON text) with `field` set to `value` (JSON text,
 * written as it is, so that a lone surrogate or a number past 2^53 reaches the parser).
 */
export function withField(base: string, field: string, value: string): string {
  const rest = JSON.parse(base) as Record<string, unknown>;
  delete rest[field];
  const others = JSON.stringify(rest).slice(1);
  return `{${JSON.stringify(field)}:${value}${others === "}" ? "}" : `,${others}`}`;
}
