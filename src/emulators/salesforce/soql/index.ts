import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { asSeenBy } from '../metadata/field-security';
import { malformedQuery } from '../model/errors';
import type { OrgData, QueryContext, QueryResult } from '../model/types';
import { isAggregateQuery, isCountQuery, runAggregateQuery } from './aggregate-query';
import { runCountQuery } from './count-query';
import type { QueryScope } from './query-scope';
import { compileRecordQuery, runRecordPlan } from './record-query';
import { findToken } from './soql-lexer';
import { MAX_SOQL_LENGTH, SoqlErrors } from './soql-errors';

/**
 * Parses, validates against describe metadata, and runs one SOQL statement as ctx.user.
 * Returns the full result (the HTTP layer pages it by 2,000). Throws SalesforceError.
 */
export function executeSoql(org: OrgData, soql: string, ctx: QueryContext): QueryResult {
  if (soql.length > MAX_SOQL_LENGTH) {
    throw malformedQuery(`SOQL statements can not be longer than ${MAX_SOQL_LENGTH} characters.`);
  }
  const errors = new SoqlErrors(soql);
  const query = parse(soql, errors);
  const data = asSeenBy(org, ctx.user);
  const scope: QueryScope = { data, ctx, errors };
  const objectName = query.sObject ?? '';
  const objectDef = data.describe(objectName);
  if (!objectDef || !objectDef.queryable) {
    throw errors.unsupportedObject(
      objectName,
      findToken(errors.tokens, objectName, findToken(errors.tokens, 'FROM')),
    );
  }
  if (isCountQuery(query)) return runCountQuery(scope, objectDef, query);
  if (isAggregateQuery(query)) return runAggregateQuery(scope, objectDef, query);
  return runRecordPlan(scope, compileRecordQuery(scope, objectDef, query, { isChild: false }));
}

/** The parser's own messages name grammar tokens; Salesforce says `unexpected token: 'X'`. */
function parse(soql: string, errors: SoqlErrors): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const found = /but found:? (?:--> )?'(.*?)'(?: <--)?\s*$/s.exec(message)?.[1] ?? '';
    if (found === '') throw errors.malformed(`unexpected token: '<EOF>'`, soql.trimEnd().length);
    throw errors.malformed(`unexpected token: '${found}'`, findToken(errors.tokens, found));
  }
}
