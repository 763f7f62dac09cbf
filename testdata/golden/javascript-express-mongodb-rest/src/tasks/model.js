// A task as the API returns it, what clients may change, and how lists of
// tasks are sorted and filtered.

/** A task as the API returns it: every key is always present. */

/** The fields a client sets (POST and PUT send them all, PATCH some of them). */

/** A JSON merge patch: only the fields present change. */

/** Every field, in the order of the model. */
export const TASK_FIELDS = [
  // in the order of the model
  "title",
  "done",
];

/** The names ?sort= takes. */
export const TASK_SORT_KEYS = [
  // id, the fields, created_at and updated_at
  "id",
  "title",
  "done",
  "created_at",
  "updated_at",
];

/** The fields ?<field>=value filters on, with the type their value must have. */
export const TASK_FILTERS = {
  title: "string",
  done: "bool",
};

/** One page of tasks and how many match the filters in all. */

export const TASK_LIST_RULES = {
  sortKeys: TASK_SORT_KEYS,
  filters: TASK_FILTERS,
};
