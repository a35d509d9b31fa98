import type { DescribedField } from './client';
import { OBJECT_MAPPINGS, type CustomFieldSpec, type ScalarKind, type SObjectName } from './soql';

/** The objects whose custom fields join the graph, in schema order. */
export const CUSTOM_FIELD_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Lead'] as const;
export type CustomFieldObject = (typeof CUSTOM_FIELD_OBJECTS)[number];

/** `CUSTOM_FIELDS`: every visible custom field, none, or a chosen `Object.Field` list. */
export type CustomFieldSelection =
  { mode: 'auto' } | { mode: 'none' } | { mode: 'list'; fields: readonly string[] };

export interface SkippedCustomField {
  object: string;
  name: string;
  reason: string;
}

export interface CustomFieldPlan {
  fields: CustomFieldSpec[];
  skipped: SkippedCustomField[];
}

/** Rich text longer than this is HTML documents, not a field to list in a page of records. */
export const MAX_RICH_TEXT_LENGTH = 4096;

const KIND_OF_TYPE: Readonly<Record<string, ScalarKind>> = {
  string: 'string',
  textarea: 'string',
  email: 'string',
  phone: 'string',
  url: 'string',
  picklist: 'string',
  combobox: 'string',
  multipicklist: 'multipicklist',
  double: 'float',
  currency: 'float',
  percent: 'float',
  int: 'int',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  reference: 'id',
};

const GRAPHQL_NAME = /^[A-Za-z][_0-9A-Za-z]*$/;
const GRAPH_OBJECTS = new Set<string>(Object.keys(OBJECT_MAPPINGS));

/** Every name the object's graph type, filter and inputs already use. */
function standardNames(object: SObjectName): Set<string> {
  const m = OBJECT_MAPPINGS[object];
  const custom = new Set(Object.keys(m.custom ?? {}));
  const names = [
    ...Object.keys(m.fields),
    ...Object.keys(m.addresses),
    ...Object.keys(m.parents),
    ...Object.keys(m.parents).map((p) => `${p}Id`),
    ...Object.keys(m.children),
    ...Object.keys(m.linked ?? {}),
    ...Object.keys(m.filters),
    ...Object.keys(m.sortFields),
    'and',
    'or',
    'not',
  ];
  // Registered custom fields are in the mappings too; they are not standard names.
  return new Set(names.filter((n) => !custom.has(n)));
}

function skipReason(field: DescribedField): string | undefined {
  if (field.compoundFieldName !== null)
    return `part of the compound field ${field.compoundFieldName}`;
  if (!GRAPHQL_NAME.test(field.name)) return 'not a valid GraphQL name';
  if (KIND_OF_TYPE[field.type] === undefined) return `unsupported type ${field.type}`;
  if (
    field.type === 'textarea' &&
    field.extraTypeInfo === 'richtextarea' &&
    field.length > MAX_RICH_TEXT_LENGTH
  ) {
    return `rich text longer than ${MAX_RICH_TEXT_LENGTH} characters`;
  }
  return undefined;
}

function toSpec(object: CustomFieldObject, field: DescribedField): CustomFieldSpec {
  const target = field.referenceTo.length === 1 ? field.referenceTo[0] : undefined;
  const graphTarget =
    field.type === 'reference' && target && GRAPH_OBJECTS.has(target) && field.relationshipName
      ? { target: target as SObjectName, relationshipName: field.relationshipName }
      : undefined;
  return {
    object,
    name: field.name,
    label: field.label,
    describeType: field.type,
    kind: KIND_OF_TYPE[field.type] ?? 'string',
    ...(graphTarget ? { reference: graphTarget } : {}),
    filterable: field.filterable,
    sortable: field.sortable,
    createable: field.createable && !field.calculated,
    updateable: field.updateable && !field.calculated,
  };
}

/**
 * Which custom fields join the graph, from describe alone (names never come from a request):
 * custom fields of a supported type the describing user can see, named as Salesforce names
 * them. A name the object's standard graph fields already use is skipped (no custom field can
 * shadow a standard one), as are compound parts, unsupported types (location, encrypted
 * text...) and rich text over MAX_RICH_TEXT_LENGTH; every skip is listed with its reason.
 * The result is sorted by object and name, so the schema is the same on every start.
 */
export function planCustomFields(
  described: Readonly<Partial<Record<CustomFieldObject, readonly DescribedField[]>>>,
  selection: CustomFieldSelection,
): CustomFieldPlan {
  const plan: CustomFieldPlan = { fields: [], skipped: [] };
  if (selection.mode === 'none') return plan;
  const wanted =
    selection.mode === 'list' ? new Set(selection.fields.map((f) => f.toLowerCase())) : undefined;
  const found = new Set<string>();
  for (const object of CUSTOM_FIELD_OBJECTS) {
    const reserved = standardNames(object);
    const fields = [...(described[object] ?? [])]
      .filter((f) => f.custom)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const field of fields) {
      const key = `${object}.${field.name}`.toLowerCase();
      if (wanted && !wanted.has(key)) continue;
      found.add(key);
      const reason = reserved.has(field.name)
        ? 'its name is a standard field of the graph type'
        : skipReason(field);
      if (reason) plan.skipped.push({ object, name: field.name, reason });
      else plan.fields.push(toSpec(object, field));
    }
  }
  if (selection.mode === 'list') {
    for (const entry of selection.fields) {
      if (found.has(entry.toLowerCase())) continue;
      const [object = '', name = ''] = entry.split('.');
      plan.skipped.push({
        object,
        name,
        reason: 'not a custom field the integration user sees in describe',
      });
    }
  }
  return plan;
}
