import type { Query } from '@jetstreamapp/soql-parser-js';
import type { ObjectDef, QueryResult } from '../model/types';
import { visibleRows, type QueryScope } from './query-scope';
import { checkedWindow } from './record-query';
import { findToken } from './soql-lexer';
import { compileWhere } from './where-compiler';

/** `SELECT COUNT() FROM ...`: the count is `totalSize`, with no records; LIMIT/OFFSET still apply. */
export function runCountQuery(scope: QueryScope, objectDef: ObjectDef, query: Query): QueryResult {
  const fields = query.fields ?? [];
  if (fields.length > 1 || query.groupBy) {
    const other = fields.find(
      (f) => !(f.type === 'FieldFunctionExpression' && f.parameters.length === 0),
    );
    const name = other && 'field' in other ? other.field : 'COUNT()';
    throw scope.errors.malformed(
      `Field must be grouped or aggregated: ${name}`,
      findToken(scope.errors.tokens, name),
    );
  }
  const where = compileWhere(scope, objectDef, query.where, query.sObjectAlias);
  const { offset, limit } = checkedWindow(scope, query);
  let count = 0;
  for (const row of visibleRows(scope, objectDef)) if (!where || where(row)) count++;
  const windowed = Math.max(0, count - offset);
  return {
    totalSize: limit === undefined ? windowed : Math.min(windowed, limit),
    done: true,
    records: [],
  };
}
