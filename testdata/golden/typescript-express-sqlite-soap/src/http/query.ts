// The query string of a list request: paging, sorting and equality filters (GET /api/v1/…).
import { HttpError } from "./problem.js";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** The largest offset the API takes: 2^63 - 1, as the OpenAPI document says. */
export const MAX_OFFSET = 9223372036854775807n;

export type FilterType = "string" | "int" | "bool" | "date" | readonly string[];

export interface SortKey<K extends string> {
  key: K;
  descending: boolean;
}

export interface ListQuery<K extends string, F> {
  limit: number;
  /** A bigint: the API allows offsets past 2^53, where JavaScript numbers stop being exact. */
  offset: bigint;
  sort: SortKey<K>[];
  filters: Partial<F>;
}

/** What a resource lets a client sort and filter on. */
export interface ListRules<K extends string> {
  sortKeys: readonly K[];
  filters: Record<string, FilterType>;
}

/**
 * Parses ?limit=&offset=&sort=&<field>= from an already-split query object (values are
 * strings, or arrays when a key is repeated). Every mistake is a 400 naming the parameter;
 * unknown parameters are ignored.
 */
export function parseListQuery<K extends string, F>(
  query: Record<string, unknown>,
  rules: ListRules<K>,
): ListQuery<K, F> {
  const limitText = single(query, "limit");
  const offsetText = single(query, "offset");
  const sortText = single(query, "sort");

  let limit = DEFAULT_LIMIT;
  if (limitText !== undefined) {
    if (!/^\d{1,3}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_LIMIT) {
      throw new HttpError(400, `limit must be a whole number between 1 and ${MAX_LIMIT}`);
    }
    limit = Number(limitText);
  }

  let offset = 0n;
  if (offsetText !== undefined) {
    if (!/^\d{1,19}$/.test(offsetText) || BigInt(offsetText) > MAX_OFFSET) {
      throw new HttpError(400, `offset must be a whole number between 0 and ${MAX_OFFSET}`);
    }
    offset = BigInt(offsetText);
  }

  const sort: SortKey<K>[] = [];
  if (sortText !== undefined) {
    for (const part of sortText.split(",")) {
      const descending = part.startsWith("-");
      const key = (descending ? part.slice(1) : part) as K;
      if (!rules.sortKeys.includes(key)) {
        throw new HttpError(
          400,
          `sort must be a comma list of ${rules.sortKeys.join(", ")}, each with an optional "-"`,
        );
      }
      if (sort.some((s) => s.key === key)) {
        throw new HttpError(400, `sort names ${key} twice`);
      }
      sort.push({ key, descending });
    }
  }

  const filters: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(rules.filters)) {
    const text = single(query, name);
    if (text !== undefined) filters[name] = filterValue(name, type, text);
  }
  return { limit, offset, sort, filters: filters as Partial<F> };
}

/** The value of a parameter given once; a repeated parameter is a 400. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new HttpError(400, `${name} must be given at most once`);
  return value;
}

function filterValue(name: string, type: FilterType, text: string): string | number | boolean {
  if (typeof type !== "string") {
    if (!type.includes(text))
      throw new HttpError(400, `${name} must be one of: ${type.join(", ")}`);
    return text;
  }
  switch (type) {
    case "int":
      if (!/^-?\d{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) {
        throw new HttpError(400, `${name} must be a whole number`);
      }
      return Number(text);
    case "bool":
      if (text !== "true" && text !== "false")
        throw new HttpError(400, `${name} must be true or false`);
      return text === "true";
    case "date":
      if (!isDate(text)) throw new HttpError(400, `${name} must be a date like 2024-05-31`);
      return text;
    default:
      if (text.includes("\u0000") || !text.isWellFormed()) {
        throw new HttpError(400, `${name} must not contain U+0000 or a lone surrogate`);
      }
      return text;
  }
}

/** YYYY-MM-DD naming a day that exists. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/**
 * The JSON of one page. JSON.stringify cannot write a bigint, and the offset may be past
 * 2^53, so the envelope is written by hand around the serialized items.
 */
export function pageJson(items: unknown[], total: number, limit: number, offset: bigint): string {
  return `{"items":${JSON.stringify(items)},"total":${total},"limit":${limit},"offset":${offset}}`;
}
