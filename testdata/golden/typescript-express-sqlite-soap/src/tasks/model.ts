import { z } from "zod";

/** A task as the API returns it. */
export interface Task {
  id: number;
  title: string;
  done: boolean;
  /** RFC 3339 UTC timestamp, e.g. 2024-05-01T12:00:00Z. */
  created_at: string;
}

/** What a client may send to create or replace a task. */
export const taskInputSchema = z.object({
  title: z
    .string({
      error: (issue) =>
        issue.input === undefined ? "title is required" : "title must be a string",
    })
    .refine((s) => [...s].length >= 1, "title must not be empty")
    .refine((s) => [...s].length <= 200, "title must be at most 200 characters"),
  done: z.boolean({ error: "done must be true or false" }).default(false),
});

export type TaskInput = z.infer<typeof taskInputSchema>;

/** One page of tasks plus the total number stored. */
export interface TaskPage {
  items: Task[];
  total: number;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** Validation failed: the message says what to fix. */
export class ValidationError extends Error {
  override name = "ValidationError";
}

/** Checks untrusted input; throws ValidationError with a readable message. */
export function parseTaskInput(value: unknown): TaskInput {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationError("the body must be a JSON object");
  }
  const result = taskInputSchema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(result.error.issues.map((issue) => issue.message).join("; "));
  }
  return result.data;
}

/** Parses ?limit=&offset=; returns an error message instead of throwing. */
export function parsePaging(
  limit: unknown,
  offset: unknown,
): { limit: number; offset: number } | { error: string } {
  const l = parseCount(limit, DEFAULT_LIMIT);
  const o = parseCount(offset, 0);
  if (l === undefined || l < 1 || l > MAX_LIMIT) {
    return { error: `limit must be a whole number between 1 and ${MAX_LIMIT}` };
  }
  if (o === undefined) {
    return { error: "offset must be a whole number of 0 or more" };
  }
  return { limit: l, offset: o };
}

function parseCount(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Timestamps are stored and returned with second precision, in UTC. */
export function now(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

export function toRfc3339(value: Date | string): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
}
