import { SalesforceError } from '../../model/errors';
import type { FieldDef, JsonRecord, ObjectDef, SObjectRecord } from '../../model/types';
import { formatOutput } from '../../soql/value-kinds';

/** Resolves requested field names (any case) to metadata; unknown ones are INVALID_FIELD. */
export function resolveFields(def: ObjectDef, names: string[] | undefined): FieldDef[] {
  if (names === undefined) return def.fields;
  const resolved: FieldDef[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '') continue;
    const field = def.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) {
      throw new SalesforceError(
        400,
        'INVALID_FIELD',
        `No such column '${name}' on sobject of type ${def.name}`,
        [name],
      );
    }
    if (!resolved.includes(field)) resolved.push(field);
  }
  return resolved;
}

/** A stored row as the REST API returns it; `Id` is always included, as Salesforce does. */
export function toJsonRecord(
  def: ObjectDef,
  record: SObjectRecord,
  fields: FieldDef[],
  apiVersion: string,
): JsonRecord {
  const json: JsonRecord = {
    attributes: {
      type: def.name,
      url: `/services/data/v${apiVersion}/sobjects/${def.name}/${record.Id}`,
    },
  };
  for (const field of fields) {
    json[field.name] =
      field.type === 'address'
        ? (record[field.name] ?? compoundAddress(def, record, field))
        : formatOutput(field, record[field.name]);
  }
  if (!('Id' in json)) json['Id'] = record.Id;
  return json;
}

const ADDRESS_KEYS: Record<string, string> = {
  Street: 'street',
  City: 'city',
  State: 'state',
  PostalCode: 'postalCode',
  Country: 'country',
  Latitude: 'latitude',
  Longitude: 'longitude',
  GeocodeAccuracy: 'geocodeAccuracy',
};

/** For rows that do not carry the compound value: composed of its parts; null when all are. */
function compoundAddress(
  def: ObjectDef,
  record: SObjectRecord,
  field: FieldDef,
): Record<string, unknown> | null {
  const parts = def.fields.filter((f) => f.compoundFieldName === field.name);
  const address: Record<string, unknown> = {};
  let any = false;
  for (const part of parts) {
    const suffix = Object.keys(ADDRESS_KEYS).find((s) => part.name.endsWith(s));
    if (!suffix) continue;
    const value = record[part.name] ?? null;
    if (value !== null) any = true;
    address[ADDRESS_KEYS[suffix] as string] = value;
  }
  return any ? address : null;
}
