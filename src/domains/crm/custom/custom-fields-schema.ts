import { extendSchema, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import type { CustomFieldSpec, ScalarKind, SObjectName } from '../../../upstreams/salesforce/soql';
import { picklistNote, SALESFORCE_MONEY, WRITE_NULL } from '../common/field-docs';
import { resolveParent } from '../common/resolve-parent';

/** The graph's output type of each custom field kind (references to graph types aside). */
const OUTPUT_TYPES: Record<ScalarKind, string> = {
  id: 'ID',
  string: 'String',
  int: 'Int',
  float: 'Float',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
  multipicklist: '[String!]',
};

/** The filter input of each kind: the standard fields' filters, and one for multi-selects. */
const FILTER_TYPES: Record<ScalarKind, string> = {
  id: 'IDFilter',
  string: 'StringFilter',
  int: 'IntFilter',
  float: 'FloatFilter',
  boolean: 'BooleanFilter',
  date: 'DateFilter',
  datetime: 'DateTimeFilter',
  multipicklist: 'MultiPicklistFilter',
};

const MULTI_PICKLIST_FILTER = `
"""Operators on a multi-select picklist custom field, ANDed together. Values match exactly (case-insensitive, as in SOQL)."""
input MultiPicklistFilter {
  """Rows holding at least one of the values (SOQL INCLUDES)."""
  includes: [String!]
  """Rows holding none of the values (SOQL EXCLUDES); empty fields match."""
  excludes: [String!]
  """true: the field is empty; false: it holds a value."""
  isNull: Boolean
}
`;

const quote = (text: string): string => JSON.stringify(text);

/** What a custom field's kind adds to its descriptions: units, picklist source, link. */
function kindNote(spec: CustomFieldSpec): string {
  const object = spec.object.toUpperCase();
  switch (spec.describeType) {
    case 'picklist':
      return picklistNote(object, spec.name);
    case 'multipicklist':
      return `A list of the selected values (Salesforce stores them \`;\`-separated). ${picklistNote(object, spec.name)}`;
    case 'currency':
      return SALESFORCE_MONEY;
    case 'percent':
      return 'Percent as Salesforce stores it: 12.5 means 12.5 %.';
    default:
      return spec.reference ? `The ${spec.reference.target}'s Id (${spec.name}).` : '';
  }
}

function label(spec: CustomFieldSpec): string {
  return `Custom field ${spec.label} (${spec.describeType}).`;
}

const join = (...parts: string[]): string => parts.filter((p) => p !== '').join(' ');

/** On the object type: what it holds and when it reads as null. */
function description(spec: CustomFieldSpec): string {
  const read = spec.reference
    ? `The referenced ${spec.reference.target}, read in the same SOQL query as the record (a parent path), no extra call; null when empty or not visible to the viewer.`
    : 'Null when empty, or when the viewer’s profile may not read the field (field-level security).';
  return quote(join(label(spec), spec.reference ? '' : kindNote(spec), read));
}

function filterDescription(spec: CustomFieldSpec): string {
  const like = spec.kind === 'string' && !spec.reference ? '`like` is case-insensitive.' : '';
  return quote(join(label(spec), kindNote(spec), like));
}

function inputDescription(spec: CustomFieldSpec): string {
  return quote(join(label(spec), kindNote(spec), WRITE_NULL));
}

function outputType(spec: CustomFieldSpec): string {
  return spec.reference ? spec.reference.target : OUTPUT_TYPES[spec.kind];
}

/** Inputs take Ids for references; a multi-select takes its values as a list. */
function inputType(spec: CustomFieldSpec): string {
  return spec.reference ? 'ID' : OUTPUT_TYPES[spec.kind];
}

/** The SDL that adds `specs` to the built schema's object types, filters, sorts and inputs. */
export function customFieldsSdl(specs: readonly CustomFieldSpec[]): string {
  const byObject = new Map<SObjectName, CustomFieldSpec[]>();
  for (const spec of specs) byObject.set(spec.object, [...(byObject.get(spec.object) ?? []), spec]);
  const parts: string[] = [];
  if (specs.some((s) => s.kind === 'multipicklist' && s.filterable))
    parts.push(MULTI_PICKLIST_FILTER);
  const block = (head: string, lines: string[]): void => {
    if (lines.length > 0) parts.push(`${head} {\n${lines.join('\n')}\n}`);
  };
  for (const [object, fields] of byObject) {
    block(
      `extend type ${object}`,
      fields.map((f) => `  ${description(f)}\n  ${f.name}: ${outputType(f)}`),
    );
    block(
      `extend input ${object}Filter`,
      fields
        .filter((f) => f.filterable)
        .map((f) => `  ${filterDescription(f)}\n  ${f.name}: ${FILTER_TYPES[f.kind]}`),
    );
    block(
      `extend enum ${object}SortField`,
      fields.filter((f) => f.sortable).map((f) => `  ${quote(label(f))}\n  ${f.name}`),
    );
    block(
      `extend input ${object}CreateInput`,
      fields
        .filter((f) => f.createable)
        .map((f) => `  ${inputDescription(f)}\n  ${f.name}: ${inputType(f)}`),
    );
    block(
      `extend input ${object}UpdateInput`,
      fields
        .filter((f) => f.updateable)
        .map((f) => `  ${inputDescription(f)}\n  ${f.name}: ${inputType(f)}`),
    );
  }
  return parts.join('\n\n');
}

/** The input fields `registerCustomFieldInputs` added, per input type, to take back later. */
const addedInputFields = new Map<string, Set<string>>();

/**
 * type-graphql turns argument objects into instances of the input classes, copying only the
 * fields its metadata knows: without this, a custom field in `where`/`input` would be dropped
 * before the resolver saw it. Registered on the built metadata, so no schema is rebuilt.
 * Replaces what an earlier call added (a field removed from the org leaves the metadata);
 * the standard fields are never touched. Idempotent.
 */
export function registerCustomFieldInputs(specs: readonly CustomFieldSpec[]): void {
  const storage = getMetadataStorage();
  const inputNamed = (name: string) => storage.inputTypes.find((t) => t.name === name);
  for (const [inputName, names] of addedInputFields) {
    const input = inputNamed(inputName);
    if (input?.fields) input.fields = input.fields.filter((f) => !names.has(f.name));
  }
  addedInputFields.clear();
  const add = (inputName: string, fieldName: string, nestedInput?: string): void => {
    const input = inputNamed(inputName);
    if (!input || input.fields?.some((f) => f.name === fieldName)) return;
    const template = input.fields?.[0] ?? inputNamed('StringFilter')?.fields?.[0];
    if (!template) return;
    const nested = nestedInput ? inputNamed(nestedInput)?.target : undefined;
    // The nested filter's class, when type-graphql built it, so its own fields convert too;
    // scalars, lists and the SDL-only MultiPicklistFilter pass through as given.
    input.fields?.push({
      ...template,
      name: fieldName,
      schemaName: fieldName,
      getType: () => nested ?? Object,
      typeOptions: { nullable: true },
    });
    addedInputFields.set(inputName, (addedInputFields.get(inputName) ?? new Set()).add(fieldName));
  };
  for (const spec of specs) {
    if (spec.filterable) add(`${spec.object}Filter`, spec.name, FILTER_TYPES[spec.kind]);
    if (spec.createable) add(`${spec.object}CreateInput`, spec.name);
    if (spec.updateable) add(`${spec.object}UpdateInput`, spec.name);
  }
}

/**
 * The type-graphql schema with the org's custom fields added. graphql-js `extendSchema` keeps
 * every existing type's resolvers and rebuilds the references to the extended types; scalar
 * custom fields need no resolver (the record mapper sets them on the node under their API
 * name), references to graph types resolve like the standard parents, batched by loaders.
 */
export function extendSchemaWithCustomFields(
  schema: GraphQLSchema,
  specs: readonly CustomFieldSpec[],
): GraphQLSchema {
  if (specs.length === 0) return schema;
  const extended = extendSchema(schema, parse(customFieldsSdl(specs)));
  for (const spec of specs) {
    if (!spec.reference) continue;
    const type = extended.getType(spec.object);
    const field =
      type && 'getFields' in type ? (type.getFields() as Record<string, unknown>)[spec.name] : null;
    if (!field) continue;
    const key = spec.name;
    const resolve: GraphQLFieldResolver<object, GatewayContext> = (source, _args, ctx, info) =>
      resolveParent(ctx, info, source, key);
    (field as { resolve?: GraphQLFieldResolver<object, GatewayContext> }).resolve = resolve;
  }
  registerCustomFieldInputs(specs);
  return extended;
}
