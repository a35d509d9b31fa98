import {
  booleanField,
  dateField,
  doubleField,
  intField,
  picklistField,
  textField,
} from '../metadata/field-builders';
import type { FieldDef } from '../model/types';
import type { OrgStore } from '../store';

const PATH = '/__emulator/metadata/fields';

interface FieldRequest {
  label?: string;
  /** Profiles field-level security hides the field from (`Standard User`: the reps). */
  hiddenFromProfiles?: string[];
  /** A picklist's values in order; `inactive` ones are deactivated, `defaultValue` preset. */
  values?: string[];
  inactive?: string[];
  defaultValue?: string;
}

/** The field types an admin may add at runtime: one of each scalar family is enough for tests. */
const BUILDERS: Record<string, (name: string, request: FieldRequest) => FieldDef> = {
  string: (name, r) => textField(name, 255, options(r)),
  int: (name, r) => intField(name, 9, options(r)),
  double: (name, r) => doubleField(name, 16, 2, options(r)),
  boolean: (name, r) => booleanField(name, options(r)),
  date: (name, r) => dateField(name, options(r)),
  picklist: (name, r) =>
    picklistField(
      name,
      (r.values ?? []).map((value) => ({
        value,
        label: value,
        active: !(r.inactive ?? []).includes(value),
        defaultValue: value === r.defaultValue,
      })),
      options(r),
    ),
};

function options(request: FieldRequest) {
  return {
    custom: true,
    ...(request.label ? { label: request.label } : {}),
    ...(request.hiddenFromProfiles ? { hiddenFromProfiles: request.hiddenFromProfiles } : {}),
  };
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_]*__c$/;

export interface MetadataAdminReply {
  status: number;
  body: unknown;
}

/**
 * `POST /__emulator/metadata/fields`: changes the org's fields at runtime, as an admin would
 * in Setup, so a gateway's schema reload can be tested. Body `{ object, name, type, label? }`
 * adds (or replaces) a custom field (`type`: string, int, double, boolean, date, or picklist
 * with `values`, optional `inactive` and `defaultValue`; `hiddenFromProfiles` for any type);
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
  const { object, name, type, label, remove, hiddenFromProfiles, values, inactive, defaultValue } =
    input as Record<string, unknown>;
  if (typeof object !== 'string' || typeof name !== 'string' || !CUSTOM_NAME.test(name)) {
    return {
      status: 400,
      body: { error: 'object and a custom field name (Name__c) are required' },
    };
  }
  if (label !== undefined && typeof label !== 'string') {
    return { status: 400, body: { error: 'label must be a string' } };
  }
  if (
    (hiddenFromProfiles !== undefined && !isStringList(hiddenFromProfiles)) ||
    (inactive !== undefined && !isStringList(inactive)) ||
    (defaultValue !== undefined && typeof defaultValue !== 'string') ||
    (type === 'picklist' && (!isStringList(values) || values.length === 0))
  ) {
    return {
      status: 400,
      body: {
        error:
          'a picklist needs values (strings); inactive and hiddenFromProfiles are string lists, defaultValue a string',
      },
    };
  }
  // A typo here would quietly give a picklist with no inactive or default value.
  const listed = new Set(isStringList(values) ? values : []);
  const strays = [
    ...(isStringList(inactive) ? inactive : []),
    ...(defaultValue ? [defaultValue] : []),
  ].filter((value) => !listed.has(value));
  if (strays.length > 0) {
    return {
      status: 400,
      body: { error: `inactive and defaultValue must be among values: ${strays.join(', ')}` },
    };
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
    field = build(name, {
      ...(label !== undefined ? { label } : {}),
      ...(isStringList(hiddenFromProfiles) ? { hiddenFromProfiles } : {}),
      ...(isStringList(values) ? { values } : {}),
      ...(isStringList(inactive) ? { inactive } : {}),
      ...(typeof defaultValue === 'string' ? { defaultValue } : {}),
    });
  }
  if (!store.setCustomField(object, name, field)) {
    return { status: 404, body: { error: `no object ${object} or no field ${name} on it` } };
  }
  return { status: 200, body: { object, name, removed: field === undefined } };
}
