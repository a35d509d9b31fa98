import {
  OBJECT_MAPPINGS,
  type ScalarKind,
  type SObjectName,
} from '../../../upstreams/salesforce/soql';
import { BadUserInputError } from '../../../errors';
import { parseIdArgument } from './ids';
import { assertInputConstraints } from './input-constraints';
import { toSalesforce } from './salesforce-values';

function fieldSpec(
  object: SObjectName,
  key: string,
): { soql: string; kind: ScalarKind } | undefined {
  const mapping = OBJECT_MAPPINGS[object];
  const direct = mapping.fields[key] ?? mapping.filters[key] ?? mapping.custom?.[key];
  if (direct) return direct;
  // `parentId`, `accountId`, `ownerId`: the Id field of a parent reference.
  const parent = key.endsWith('Id') ? mapping.parents[key.slice(0, -2)] : undefined;
  return parent ? { soql: parent.idField, kind: 'id' } : undefined;
}

/**
 * A create/update input as a Salesforce record body: camelCase keys to API names, address
 * inputs to their parts, Ids validated, dates as literals, the input class's constraints checked. Omitted keys are left alone and
 * explicit nulls clear the field (Salesforce itself answers REQUIRED_FIELD_MISSING for a
 * required one); a blank required string is refused here without calling Salesforce.
 */
export function toRecordPayload(
  object: SObjectName,
  input: object,
  required: readonly string[],
): Record<string, unknown> {
  assertInputConstraints(input);
  const payload: Record<string, unknown> = {};
  for (const key of required) {
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() === '') {
      throw new BadUserInputError(`${key} must not be empty`, {
        argument: `input.${key}`,
        fields: [key],
      });
    }
  }
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const address = OBJECT_MAPPINGS[object].addresses[key];
    if (address) {
      for (const [part, soql] of Object.entries(address)) {
        const partValue = value === null ? null : (value as Record<string, unknown>)[part];
        if (partValue !== undefined) payload[soql] = partValue;
      }
      continue;
    }
    const spec = fieldSpec(object, key);
    if (!spec) throw new Error(`No Salesforce field for ${object} input ${key}`);
    if (spec.kind === 'id' && typeof value === 'string') {
      payload[spec.soql] = parseIdArgument(value, `input.${key}`);
    } else {
      payload[spec.soql] = toSalesforce(spec.kind, value);
    }
  }
  return payload;
}
