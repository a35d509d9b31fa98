import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { asSeenBy } from '../metadata/field-security';
import { SalesforceError } from '../model/errors';
import type {
  FieldDef,
  JsonRecord,
  ObjectDef,
  OrgData,
  QueryContext,
  SObjectRecord,
} from '../model/types';
import { visibleRows, type QueryScope } from '../soql/query-scope';
import { project } from '../soql/record-projector';
import { compileRecordQuery, type RecordPlan } from '../soql/record-query';
import { SoqlErrors } from '../soql/soql-errors';
import {
  malformedSearch,
  parseSearchExpression,
  termMatches,
  tokenize,
  type SearchExpression,
} from './search-expression';
import { parseSosl, splitReturningBody, type SearchGroup } from './sosl-statement';

/** Salesforce returns at most 2,000 search results (API 28.0 and later). */
export const MAX_SEARCH_RESULTS = 2000;

/** Searched when RETURNING is absent (Salesforce: every searchable object, Ids only). */
const DEFAULT_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Lead'];

const NAME_FIELDS = new Set(['Name', 'FirstName', 'LastName', 'Company']);
const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url']);

/**
 * Relevance, documented so tests can predict it: each term scores the weight of the best field
 * it matched (a name field 3, an email or phone field 2, any other text field 1); a record's
 * score is the sum over the terms of its best satisfied AND-group. Ties: Id ascending.
 */
function weightOf(field: FieldDef): number {
  if (NAME_FIELDS.has(field.name)) return 3;
  return field.type === 'email' || field.type === 'phone' ? 2 : 1;
}

function searchedFields(objectDef: ObjectDef, group: SearchGroup): FieldDef[] {
  return objectDef.fields.filter((field) => {
    switch (group) {
      case 'NAME':
        return NAME_FIELDS.has(field.name);
      case 'EMAIL':
        return field.type === 'email';
      case 'PHONE':
        return field.type === 'phone';
      default:
        return TEXT_TYPES.has(field.type);
    }
  });
}

/**
 * Tokens of a row's field, kept while the value stays the same: a search reads every visible
 * row, and re-splitting unchanged text on each call would dominate at larger seed scales.
 */
const tokenCache = new WeakMap<SObjectRecord, Map<string, { value: string; tokens: string[] }>>();

function tokensOf(row: SObjectRecord, field: string, value: string): string[] {
  let byField = tokenCache.get(row);
  if (byField === undefined) {
    byField = new Map();
    tokenCache.set(row, byField);
  }
  const known = byField.get(field);
  if (known?.value === value) return known.tokens;
  const tokens = tokenize(value);
  byField.set(field, { value, tokens });
  return tokens;
}

function scoreOf(
  expression: SearchExpression,
  row: SObjectRecord,
  fields: readonly FieldDef[],
): number {
  const indexed = fields
    .map((field) => ({ field, value: row[field.name] }))
    .filter((f): f is { field: FieldDef; value: string } => typeof f.value === 'string')
    .map(({ field, value }) => ({
      weight: weightOf(field),
      tokens: tokensOf(row, field.name, value),
    }));
  let best = 0;
  for (const group of expression) {
    let sum = 0;
    for (const term of group) {
      let termBest = 0;
      for (const f of indexed) {
        if (f.weight > termBest && termMatches(term, f.tokens)) termBest = f.weight;
      }
      if (termBest === 0) {
        sum = 0;
        break;
      }
      sum += termBest;
    }
    best = Math.max(best, sum);
  }
  return best;
}

/** SOQL's errors name SOQL; a malformed RETURNING clause is a malformed search. */
function asSearchError(error: unknown): unknown {
  if (error instanceof SalesforceError && error.errorCode === 'MALFORMED_QUERY') {
    return malformedSearch(error.message);
  }
  return error;
}

interface Hit {
  score: number;
  objectIndex: number;
  position: number;
  record: JsonRecord;
}

/**
 * Runs one SOSL statement as ctx.user: each RETURNING object in order takes its matches (under
 * sharing, the object's WHERE/ORDER BY/LIMIT) up to what the overall LIMIT leaves, as the SOSL
 * docs describe; the hits are then listed by score, highest first (see weightOf).
 */
export function executeSosl(org: OrgData, sosl: string, ctx: QueryContext): JsonRecord[] {
  const data = asSeenBy(org, ctx.user);
  const statement = parseSosl(sosl);
  const expression = parseSearchExpression(statement.searchQuery);
  const specs =
    statement.returning.length > 0
      ? statement.returning
      : DEFAULT_OBJECTS.map((objectName) => ({ objectName, body: '' }));
  let remaining = Math.min(statement.limit ?? MAX_SEARCH_RESULTS, MAX_SEARCH_RESULTS);
  const hits: Hit[] = [];
  specs.forEach((spec, objectIndex) => {
    const objectDef = data.describe(spec.objectName);
    if (!objectDef || !objectDef.queryable) {
      throw new SalesforceError(
        400,
        'INVALID_TYPE',
        `sObject type '${spec.objectName}' is not supported.`,
      );
    }
    const { fields, clauses } = splitReturningBody(spec.body);
    const soql = `SELECT ${fields === '' ? 'Id' : fields} FROM ${objectDef.name} ${clauses}`;
    const errors = new SoqlErrors(soql);
    const scope: QueryScope = { data, ctx, errors };
    let plan: RecordPlan;
    try {
      plan = compileRecordQuery(scope, objectDef, parseQuery(soql), { isChild: false });
    } catch (error) {
      if (error instanceof SalesforceError) throw asSearchError(error);
      throw malformedSearch(`unexpected token in RETURNING ${spec.objectName}(${spec.body})`);
    }
    const searched = searchedFields(objectDef, statement.group);
    const scores = new Map<SObjectRecord, number>();
    for (const row of visibleRows(scope, objectDef)) {
      const score = scoreOf(expression, row, searched);
      if (score > 0) scores.set(row, score);
    }
    const ranked = [...scores.keys()].sort(
      (a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (a.Id < b.Id ? -1 : 1),
    );
    const selected = plan.select(ranked).slice(0, Math.max(0, remaining));
    remaining -= selected.length;
    selected.forEach((row, position) => {
      hits.push({
        score: scores.get(row) ?? 0,
        objectIndex,
        position,
        record: project(scope, row, objectDef, plan.projection),
      });
    });
  });
  hits.sort(
    (a, b) => b.score - a.score || a.objectIndex - b.objectIndex || a.position - b.position,
  );
  return hits.map((hit) => hit.record);
}
