import {
  booleanField,
  dateField,
  doubleField,
  intField,
  textField,
} from '../metadata/field-builders';
import type { FieldDef } from '../model/types';
import type { OrgStore } from '../store';

const PATH = '/__emulator/metadata/fields';

/** The field types an admin may add at runtime: one of each scalar family is enough for tests. */
const BUILDERS: Record<string, (name: string, label: string | undefined) => FieldDef> = {
  string: (name, label) => textField(name, 255, { custom: true, ...(label ? { label } : {}) }),
  int: (name, label) => intField(name, 9, { custom: true, ...(label ? { label } : {}) }),
  double: (name, label) => doubleField(name, 16, 2, { custom: true, ...(label ? { label } : {}) }),
  boolean: (name, label) => booleanField(name, { custom: true, ...(label ? { label } : {}) }),
  date: (name, label) => dateField(name, { custom: true, ...(label ? { label } : {}) }),
};

const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_]*__c$/;

export interface MetadataAdminReply {
  status: number;
  body: unknown;
}

/**
 * `POST /__emulator/metadata/fields`: changes the org's fields at runtime, as an admin would
 * in Setup, so a gateway's schema reload can be tested. Body `{ object, name, type, label? }`
 * adds (or replaces) a custom field (`type`: string, int, double, boolean, date);
 * `{ object, name, remove: true }` removes one. Only custom (`__c`) fields; records keep
 * their data, a new field reads null. Undefined for any other path.
 */
export function handleMetadataAdminRequest(
  store: Pick<OrgStore, 'setCustomField'>,
  method: string,
  path: string,
  body: Buffer,
): MetadataAdminReply | undefined {
  if (path.replace(/\/$/, '') !== PATH) return undefined;
  if (method !== 'POST') return { status: 405, body: { error: `method ${method} not allowed` } };
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return { status: 400, body: { error: 'body must be JSON' } };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { status: 400, body: { error: 'body must be a JSON object' } };
  }
  const { object, name, type, label, remove } = input as Record<string, unknown>;
  if (typeof object !== 'string' || typeof name !== 'string' || !CUSTOM_NAME.test(name)) {
    return {
      status: 400,
      body: { error: 'object and a custom field name (Name__c) are required' },
    };
  }
  if (label !== undefined && typeof label !== 'string') {
    return { status: 400, body: { error: 'label must be a string' } };
  }
  let field: FieldDef | undefined;
  if (remove !== true) {
    const build = typeof type === 'string' ? BUILDERS[type] : undefined;
    if (!build) {
      return {
        status: 400,
        body: { error: `type must be one of ${Object.keys(BUILDERS).join(', ')}` },
      };
    }
    field = build(name, label);
  }
  if (!store.setCustomField(object, name, field)) {
    return { status: 404, body: { error: `no object ${object} or no field ${name} on it` } };
  }
  return { status: 200, body: { object, name, removed: field === undefined } };
}
