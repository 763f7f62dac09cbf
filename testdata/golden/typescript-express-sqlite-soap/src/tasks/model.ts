// A task as the API returns it, what clients may change, and how lists of
// tasks are sorted and filtered.
import type { FilterType, ListQuery, ListRules } from "../http/query.js";

/** A task as the API returns it: every key is always present. */
export interface Task {
  id: number;
  title: string;
  done: boolean;
  /** RFC 3339, in UTC: when the task was created. */
  created_at: string;
  /** RFC 3339, in UTC: when the task last changed. */
  updated_at: string;
}

/** The fields a client sets (POST and PUT send them all, PATCH some of them). */
export type TaskFields = Omit<Task, "id" | "created_at" | "updated_at">;

/** A JSON merge patch: only the fields present change. */
export type TaskChanges = Partial<TaskFields>;

/** Every field, in the order of the model. */
export const TASK_FIELDS = [
  // in the order of the model
  "title",
  "done",
] as const satisfies readonly (keyof TaskFields)[];

/** The names ?sort= takes. */
export const TASK_SORT_KEYS = [
  // id, the fields, created_at and updated_at
  "id",
  "title",
  "done",
  "created_at",
  "updated_at",
] as const;

export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];

/** The fields ?<field>=value filters on, with the type their value must have. */
export const TASK_FILTERS = {
  title: "string",
  done: "bool",
} as const satisfies Record<string, FilterType>;

type FilterName = keyof typeof TASK_FILTERS;

export type TaskFilters = Pick<TaskFields, FilterName>;

export type TaskQuery = ListQuery<TaskSortKey, TaskFilters>;

/** One page of tasks and how many match the filters in all. */
export interface TaskPage {
  items: Task[];
  total: number;
}

export const TASK_LIST_RULES = {
  sortKeys: TASK_SORT_KEYS,
  filters: TASK_FILTERS,
} satisfies ListRules<TaskSortKey>;
