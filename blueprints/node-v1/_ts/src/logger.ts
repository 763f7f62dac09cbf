import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; pipe them through `npx pino-pretty` to read them locally. */
export function createLogger(level = "info"): Logger {
  return pino({ level });
}
