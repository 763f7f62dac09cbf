// What a database error means for the client: a unique value already taken (409) or a value
// the database refuses (422). Anything else is the server's problem and is logged.

function message(err: unknown): string {
  return err instanceof Error ? err.message : "";
}

export function isUniqueViolation(err: unknown): boolean {
  return message(err).includes("UNIQUE constraint failed");
}

export function isRefusedValue(err: unknown): boolean {
  return /(CHECK|NOT NULL) constraint failed|datatype mismatch/.test(message(err));
}
