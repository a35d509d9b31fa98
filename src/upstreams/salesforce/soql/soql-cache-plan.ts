import { DERIVED_FACET, facetsOfField, ROWS_FACET, searchFacets } from './cache-facets';
import { CACHEABLE_OBJECTS, soqlDependencies } from './soql-dependencies';
import { OBJECT_MAPPINGS } from './object-mappings';
import type { SObjectName } from './soql.types';

/**
 * What a cached read depends on. `types`: any change to these drops it (`all`: any change at
 * all, the text was not understood). `facets`: finer dependencies on further types — only a
 * change to one of the named facets of such a type (see cache-facets.ts) drops the read, and,
 * when `rows`, an update to one of the records it returned.
 */
export interface CachePlan {
  object: SObjectName | undefined;
  types: readonly SObjectName[] | 'all';
  facets: ReadonlyArray<{ type: SObjectName; names: readonly string[] }>;
  rows: boolean;
  /** When `rows`: the facets of the fields it returns (an update of others keeps it). */
  recordFacets?: readonly string[];
}

/** Child relationship (`Contacts`) and parent relationship (`Owner`) names → their object. */
const RELATIONSHIPS: ReadonlyMap<string, SObjectName> = (() => {
  const map = new Map<string, SObjectName>();
  for (const mapping of Object.values(OBJECT_MAPPINGS)) {
    for (const parent of Object.values(mapping.parents))
      map.set(parent.relationship.toLowerCase(), parent.target);
    for (const child of Object.values(mapping.children))
      map.set(child.relationship.toLowerCase(), child.target);
  }
  return map;
})();

const OBJECT_BY_NAME: ReadonlyMap<string, SObjectName> = new Map(
  CACHEABLE_OBJECTS.map((name) => [name.toLowerCase(), name]),
);

const AGGREGATES = new Set(['count', 'count_distinct', 'sum', 'avg', 'min', 'max']);
const KEYWORDS = new Set([
  'select',
  'where',
  'and',
  'or',
  'not',
  'in',
  'like',
  'includes',
  'excludes',
  'null',
  'true',
  'false',
  'order',
  'by',
  'asc',
  'desc',
  'nulls',
  'first',
  'last',
  'limit',
  'offset',
  'group',
  'having',
]);
/** Clauses this planner does not model: such a read depends on every type. */
const UNMODELLED = new Set(['with', 'for', 'using', 'typeof', 'rollup', 'cube', 'update']);
const DATE_LITERAL =
  /^(yesterday|today|tomorrow|(last|this|next)_(week|month|quarter|year|fiscal_quarter|fiscal_year|90_days)|(last|next)_n_(days|weeks|months|quarters|years|fiscal_quarters|fiscal_years)|n_(days|weeks|months|quarters|years|fiscal_quarters|fiscal_years)_ago)$/i;

const TOKEN =
  /'(?:\\.|[^'\\])*'|\(|\)|,|\d[\w:.+-]*|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|[^\s(),A-Za-z_'\d]+/g;

class NotModelled extends Error {}

const isName = (token: string | undefined): token is string =>
  token !== undefined && /^[A-Za-z_]/.test(token);

function relationshipTarget(name: string): SObjectName {
  const target = RELATIONSHIPS.get(name.toLowerCase());
  if (target === undefined) throw new NotModelled(name);
  return target;
}

/** `Account.Owner.Name`: every segment but the last is a relationship to depend on. */
function pathTypes(path: string): SObjectName[] {
  return path.split('.').slice(0, -1).map(relationshipTarget);
}

/** Index of the `)` closing the `(` at `open`. */
function closing(tokens: readonly string[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    if (tokens[i] === '(') depth += 1;
    else if (tokens[i] === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new NotModelled('unbalanced');
}

/** The object of a subquery `( SELECT ... FROM x ...)` opening at `open`. */
function subqueryObject(tokens: readonly string[], open: number, end: number): string {
  let depth = 0;
  for (let i = open + 1; i < end; i += 1) {
    const token = tokens[i] as string;
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    else if (depth === 0 && token.toLowerCase() === 'from' && isName(tokens[i + 1])) {
      return tokens[i + 1] as string;
    }
  }
  throw new NotModelled('subquery without FROM');
}

interface Scan {
  types: Set<SObjectName>;
  fields: string[];
  aggregate: boolean;
}

/** One SELECT item: a field, a path, a function of fields (with an alias), or a subquery. */
function scanSelectItem(item: readonly string[], scan: Scan): void {
  if (item[0] === '(') {
    const end = closing(item, 0);
    scan.types.add(relationshipTarget(subqueryObject(item, 0, end)));
    return;
  }
  let units = 0;
  for (let i = 0; i < item.length; i += 1) {
    const token = item[i] as string;
    const lower = token.toLowerCase();
    if (!isName(token)) continue;
    if (UNMODELLED.has(lower)) throw new NotModelled(token);
    if (item[i + 1] === '(') {
      if (AGGREGATES.has(lower)) scan.aggregate = true;
      // Its arguments are read by the next iterations; the whole call is one unit.
      const end = closing(item, i + 1);
      for (const arg of item.slice(i + 2, end)) if (isName(arg)) addField(arg, scan);
      i = end;
      units += 1;
      continue;
    }
    // The second unit of an item is its alias (`COUNT(Id) n`, `StageName stage`).
    if (units >= 1) continue;
    addField(token, scan);
    units += 1;
  }
}

function addField(token: string, scan: Scan): void {
  if (token.includes('.')) for (const type of pathTypes(token)) scan.types.add(type);
  else scan.fields.push(token);
}

/** WHERE, GROUP BY, HAVING, ORDER BY, LIMIT: the fields that decide rows, order and groups. */
function scanClauses(tokens: readonly string[], scan: Scan, object: SObjectName): boolean {
  let grouped = false;
  let viaPath = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as string;
    if (token === '(' && tokens[i + 1]?.toLowerCase() === 'select') {
      const end = closing(tokens, i);
      const inner = subqueryObject(tokens, i, end).toLowerCase();
      const type = OBJECT_BY_NAME.get(inner) ?? RELATIONSHIPS.get(inner);
      if (type === undefined) throw new NotModelled(inner);
      scan.types.add(type);
      i = end;
      continue;
    }
    if (!isName(token)) continue;
    const lower = token.toLowerCase();
    if (UNMODELLED.has(lower)) throw new NotModelled(token);
    if (lower === 'group') grouped = true;
    if (KEYWORDS.has(lower) || DATE_LITERAL.test(token) || tokens[i + 1] === '(') continue;
    if (token.includes('.')) {
      for (const type of pathTypes(token)) scan.types.add(type);
      // A filter through a parent path also moves when the lookup field itself changes.
      viaPath = true;
      continue;
    }
    scan.fields.push(token);
  }
  if (viaPath) scan.fields.push(`${object}.~path`);
  return grouped;
}

/**
 * The cache plan of a SOQL query. The main object gets facets when the query is understood
 * and does not also reach its own type through a path or subquery: its rows (their creation
 * and deletion), every field its filters, order, groups and aggregates read, and — for a
 * plain query returning `Id` — the returned records themselves, so an update to a record the
 * read never returned, on a field it does not filter on, keeps the entry. Anything else falls
 * back to per-type dependencies.
 */
export function soqlCachePlan(soql: string): CachePlan {
  try {
    const tokens = soql.match(TOKEN) ?? [];
    if (tokens[0]?.toLowerCase() !== 'select') throw new NotModelled('not a SELECT');
    let from = -1;
    let depth = 0;
    for (let i = 1; i < tokens.length && from < 0; i += 1) {
      if (tokens[i] === '(') depth += 1;
      else if (tokens[i] === ')') depth -= 1;
      else if (depth === 0 && tokens[i]?.toLowerCase() === 'from') from = i;
    }
    const object = OBJECT_BY_NAME.get(tokens[from + 1]?.toLowerCase() ?? '');
    if (from < 0 || object === undefined) throw new NotModelled('object');
    const selected: Scan = { types: new Set(), fields: [], aggregate: false };
    let item: string[] = [];
    depth = 0;
    for (const token of [...tokens.slice(1, from), ',']) {
      if (token === '(') depth += 1;
      if (token === ')') depth -= 1;
      if (token === ',' && depth === 0) {
        if (item.length > 0) scanSelectItem(item, selected);
        item = [];
      } else item.push(token);
    }
    const filters: Scan = { types: selected.types, fields: [], aggregate: false };
    const grouped = scanClauses(tokens.slice(from + 2), filters, object);
    if (selected.types.has(object)) {
      return { object, types: [...selected.types], facets: [], rows: false };
    }
    const aggregate = selected.aggregate || grouped;
    const rows = !aggregate && selected.fields.some((field) => field.toLowerCase() === 'id');
    const read = rows ? filters.fields : [...filters.fields, ...selected.fields];
    const names = new Set<string>([ROWS_FACET]);
    for (const field of read) for (const facet of facetsOfField(object, field)) names.add(facet);
    const plan: CachePlan = {
      object,
      types: [...selected.types],
      facets: [{ type: object, names: [...names] }],
      rows,
    };
    if (rows) plan.recordFacets = facetsOfFields(object, selected.fields);
    return plan;
  } catch (err) {
    if (!(err instanceof NotModelled)) throw err;
    const coarse = soqlDependencies(soql);
    return { object: coarse.object, types: coarse.dependsOn, facets: [], rows: false };
  }
}

function facetsOfFields(type: SObjectName, fields: readonly string[]): string[] {
  return [...new Set(fields.flatMap((field) => facetsOfField(type, field)))];
}

const EVERYTHING: CachePlan = { object: undefined, types: 'all', facets: [], rows: false };

/**
 * The cache plan of a SOSL search: each returned type through its searched fields, its rows,
 * any unlisted field (custom text fields are searched too) and the returned records. A
 * RETURNING clause that filters or sorts also depends on every update of its type.
 */
export function soslCachePlan(sosl: string): CachePlan {
  // The search text (inside braces, reserved characters escaped) holds values, never names.
  const returning = /\bRETURNING\b([\s\S]*)$/i.exec(sosl.replace(/\{(?:\\.|[^}\\])*\}/g, '{}'));
  if (returning === null) return EVERYTHING;
  const facets: Array<{ type: SObjectName; names: string[] }> = [];
  const shown = new Set<string>();
  for (const match of (returning[1] as string).matchAll(/([A-Za-z_]\w*)\s*(\(([^)]*)\))?\s*,?/g)) {
    const name = (match[1] as string).toLowerCase();
    if (name === 'limit') break;
    const type = OBJECT_BY_NAME.get(name);
    if (type === undefined) return EVERYTHING;
    const names = searchFacets(type);
    const spec = match[3] ?? '';
    if (/\b(WHERE|ORDER)\b/i.test(spec)) names.push(DERIVED_FACET);
    facets.push({ type, names });
    const fields = (spec.split(/\b(?:WHERE|ORDER|LIMIT|OFFSET)\b/i)[0] ?? '')
      .split(',')
      .map((field) => field.trim())
      .filter((field) => /^[A-Za-z_]\w*$/.test(field));
    // A field list it cannot read (a path, a function): any update of a returned record.
    if (fields.length === 0 && spec.trim() !== '') shown.add(DERIVED_FACET);
    for (const facet of facetsOfFields(type, fields.length === 0 ? ['Id'] : fields))
      shown.add(facet);
    if (spec.split(',').some((field) => field.includes('.'))) shown.add(DERIVED_FACET);
  }
  if (facets.length === 0) return EVERYTHING;
  return {
    object: facets.length === 1 ? facets[0]?.type : undefined,
    types: [],
    facets,
    rows: true,
    recordFacets: [...shown],
  };
}
