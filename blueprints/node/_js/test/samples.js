// Loads the samples scaffold wrote from the model (test/fixtures/<resource>.json): valid and
// invalid values of every field, as JSON text.
import { readFileSync } from "node:fs";

export function loadSamples(resource) {
  const file = new URL(`./fixtures/${resource}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, "utf8"));
}

/**
 * The JSON text of `base` (an object, as JSON text) with `field` set to `value` (JSON text,
 * written as it is, so that a lone surrogate or a number past 2^53 reaches the parser).
 */
export function withField(base, field, value) {
  const rest = JSON.parse(base);
  delete rest[field];
  const others = JSON.stringify(rest).slice(1);
  return `{${JSON.stringify(field)}:${value}${others === "}" ? "}" : `,${others}`}`;
}
