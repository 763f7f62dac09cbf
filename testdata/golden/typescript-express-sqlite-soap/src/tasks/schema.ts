// What clients may send for tasks: one zod schema per direction. Both are strict, so
// an unknown key is refused (422) instead of being dropped silently.
import { z } from "zod";
import * as field from "../validation.js";

/**
 * A whole task, as POST creates it and PUT replaces it: required fields must be
 * present, an absent field takes its default, else null.
 */
export const taskSchema = z.strictObject({
  title: field.chars({ required: true, min: 1, max: 200 }),
  done: field.bool().default(false),
});

/**
 * A JSON merge patch (PATCH): an absent field stays as it is, null clears a field that may
 * be empty and is refused for a required field or one with a default.
 */
export const taskPatchSchema = z.strictObject({
  title: field.chars({ required: true, min: 1, max: 200 }).optional(),
  done: field.bool().optional(),
});
