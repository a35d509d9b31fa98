import {
  composeQuery,
  parseQuery,
  type FieldType,
  type Query,
  type Subquery,
} from '@jetstreamapp/soql-parser-js';
import { LRUCache } from 'lru-cache';
import type { SalesforceClient } from './client';
import { OBJECT_MAPPINGS, mappingsRevision, type SObjectName } from './soql';

/** Custom fields a user cannot read, per object, lower-cased. */
export type HiddenFields = ReadonlyMap<SObjectName, ReadonlySet<string>>;

const NOTHING_HIDDEN: HiddenFields = new Map();

function customFieldsOf(object: SObjectName): string[] {
  return Object.keys(OBJECT_MAPPINGS[object].custom ?? {});
}

const objectsWithCustomFields = (): SObjectName[] =>
  (Object.keys(OBJECT_MAPPINGS) as SObjectName[]).filter((o) => customFieldsOf(o).length > 0);

/**
 * Which registered custom fields each user cannot read (field-level security), from their
 * own describe of the objects, cached per user for `ttlMs`: one describe per object per
 * user per period, not per request. Salesforce would answer INVALID_FIELD for a whole query
 * naming one such field; the gateway leaves it out and the field resolves to null.
 */
export class FieldVisibility {
  private readonly cache: LRUCache<string, Promise<HiddenFields>>;

  constructor(options: { ttlMs?: number; maxUsers?: number } = {}) {
    this.cache = new LRUCache({ max: options.maxUsers ?? 10_000, ttl: options.ttlMs ?? 600_000 });
  }

  hiddenFor(userKey: string, client: SalesforceClient): Promise<HiddenFields> {
    const objects = objectsWithCustomFields();
    const describe = client.describeFields?.bind(client);
    if (objects.length === 0 || !describe) return Promise.resolve(NOTHING_HIDDEN);
    // Keyed by the mappings' revision too: after a schema reload the hidden sets are taken
    // again against the new custom fields, never from the old ones.
    const key = `${mappingsRevision()}:${userKey}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = Promise.all(
        objects.map(async (object) => {
          const visible = new Set((await describe(object)).map((f) => f.name.toLowerCase()));
          const hidden = customFieldsOf(object)
            .map((name) => name.toLowerCase())
            .filter((name) => !visible.has(name));
          return [object, new Set(hidden)] as const;
        }),
      ).then((entries) => new Map(entries.filter(([, hidden]) => hidden.size > 0)));
      // A failed describe is not remembered: the next request asks again.
      pending.catch(() => this.cache.delete(key));
      this.cache.set(key, pending);
    }
    return pending;
  }
}

/** The object a SELECT path's last segment belongs to (`Account.Owner.Name` from Contact → User). */
function objectOfPath(root: SObjectName, relationships: string[]): SObjectName | undefined {
  let current: SObjectName | undefined = root;
  for (const relationship of relationships) {
    if (!current) return undefined;
    const lower = relationship.toLowerCase();
    const parent: { target: SObjectName } | undefined = Object.values(
      OBJECT_MAPPINGS[current].parents,
    ).find((p) => p.relationship.toLowerCase() === lower);
    current = parent?.target;
  }
  return current;
}

function childObject(root: SObjectName, relationshipName: string): SObjectName | undefined {
  const lower = relationshipName.toLowerCase();
  return Object.values(OBJECT_MAPPINGS[root].children).find(
    (c) => c.relationship.toLowerCase() === lower,
  )?.target;
}

/** Removes hidden fields from a SELECT list; true when something was removed. */
function stripFields(query: Query | Subquery, root: SObjectName, hidden: HiddenFields): boolean {
  let changed = false;
  const kept: FieldType[] = [];
  for (const field of query.fields ?? []) {
    if (field.type === 'Field' || field.type === 'FieldRelationship') {
      const relationships = field.type === 'FieldRelationship' ? field.relationships : [];
      const object = objectOfPath(root, relationships);
      if (object && hidden.get(object)?.has(field.field.toLowerCase())) {
        changed = true;
        continue;
      }
    } else if (field.type === 'FieldSubquery') {
      const child = childObject(root, field.subquery.relationshipName);
      if (child && stripFields(field.subquery, child, hidden)) changed = true;
    }
    kept.push(field);
  }
  query.fields = kept;
  return changed;
}

/** `soql` without the SELECT items the user cannot read (WHERE and ORDER BY untouched). */
export function withoutHiddenFields(soql: string, hidden: HiddenFields): string {
  if (hidden.size === 0) return soql;
  const query = parseQuery(soql);
  const root = Object.keys(OBJECT_MAPPINGS).find(
    (o) => o.toLowerCase() === query.sObject?.toLowerCase(),
  ) as SObjectName | undefined;
  if (!root) return soql;
  return stripFields(query, root, hidden) ? composeQuery(query) : soql;
}

const RETURNING = ' IN ALL FIELDS RETURNING ';

/**
 * The same for a search built by buildSearchQuery: everything after the last `IN ALL FIELDS
 * RETURNING` is generated (the user's text before it is escaped), `Object(f, ... LIMIT n)`.
 */
export function withoutHiddenSearchFields(sosl: string, hidden: HiddenFields): string {
  if (hidden.size === 0) return sosl;
  const at = sosl.lastIndexOf(RETURNING);
  if (at < 0) return sosl;
  const head = sosl.slice(0, at + RETURNING.length);
  const tail = sosl
    .slice(at + RETURNING.length)
    .replace(
      /(\w+)\(([^()]*?)( LIMIT \d+)?\)/g,
      (whole, object: string, list: string, limit?: string) => {
        const invisible = hidden.get(object as SObjectName);
        if (!invisible) return whole;
        const kept = list
          .split(',')
          .map((f) => f.trim())
          .filter((f) => f !== '' && !invisible.has(f.toLowerCase()));
        return `${object}(${kept.join(', ')}${limit ?? ''})`;
      },
    );
  return head + tail;
}

/**
 * `client` acting for one user, reading only the custom fields their profile lets them see:
 * hidden ones are dropped from SELECT lists and retrieve field lists before the call.
 */
export function fieldSecuredClient(
  client: SalesforceClient,
  hidden: () => Promise<HiddenFields>,
): SalesforceClient {
  return {
    ...client,
    query: async (soql) => client.query(withoutHiddenFields(soql, await hidden())),
    queryAll: async (soql, options) =>
      client.queryAll(withoutHiddenFields(soql, await hidden()), options),
    search: async (sosl) => client.search(withoutHiddenSearchFields(sosl, await hidden())),
    retrieve: async (object, ids, fields) => {
      const invisible = (await hidden()).get(object);
      return client.retrieve(
        object,
        ids,
        invisible ? fields.filter((f) => !invisible.has(f.toLowerCase())) : fields,
      );
    },
  };
}
