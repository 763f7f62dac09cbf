import { pino } from "pino";

/** Structured JSON logs on stdout; pipe them through `npx pino-pretty` to read them locally. */
export function createLogger(level = "info") {
  return pino({ level });
}
