import { Injectable, type PipeTransform } from "@nestjs/common";
import { parseListQuery, type ListQuery, type ListRules } from "./query.js";

/** ?limit=&offset=&sort=&<field>= as a ListQuery; every mistake is a 400 naming the parameter. */
@Injectable()
export class ListQueryPipe<K extends string, F> implements PipeTransform {
  constructor(private readonly rules: ListRules<K>) {}

  transform(query: Record<string, unknown>): ListQuery<K, F> {
    return parseListQuery<K, F>(query, this.rules);
  }
}
