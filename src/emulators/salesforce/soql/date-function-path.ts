import type { FunctionExp } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, FieldType, FieldValue, ObjectDef, SObjectRecord } from '../model/types';
import {
  applyDateFunction,
  dateFunctionArgumentError,
  dateFunctionResultType,
  isDateFunction,
  type DateFunctionName,
} from './date-functions';
import { pathReader, resolvePath, type ResolvedPath } from './field-path';
import type { QueryScope } from './query-scope';

/** A describe-like field for a computed value (an aggregate, a date function's result). */
export function syntheticField(name: string, type: FieldType): FieldDef {
  return {
    name,
    label: name,
    type,
    nillable: true,
    filterable: true,
    sortable: true,
    groupable: false,
    aggregatable: false,
    createable: false,
    updateable: false,
    calculated: true,
    defaultedOnCreate: false,
    custom: false,
    externalId: false,
    unique: false,
    length: 0,
    precision: 18,
    scale: 0,
    relationshipName: null,
    referenceTo: [],
    picklistValues: [],
    compoundFieldName: null,
    extraTypeInfo: null,
    hiddenFromProfiles: [],
  };
}

/** A date function resolved against describe metadata: how to read it and how to name it. */
export interface ResolvedDateFunction {
  /** Lowercase text that another clause must repeat to mean the same function. */
  signature: string;
  /** The result's describe: int, or date for DAY_ONLY. */
  field: FieldDef;
  read: (row: SObjectRecord) => FieldValue;
  /** The field the function reads. */
  argument: ResolvedPath;
  converted: boolean;
  /** The function applied to one value of `argument`. */
  apply: (value: FieldValue) => FieldValue;
}

/**
 * A date function over a field path: its argument a date or dateTime field of the object,
 * optionally in `convertTimezone()` (UTC in the emulator, as its users have no time zone).
 */
export function resolveDateFunction(
  scope: QueryScope,
  objectDef: ObjectDef,
  fn: FunctionExp,
  offset: number,
  alias: string | undefined,
): ResolvedDateFunction {
  const { errors } = scope;
  const name = (fn.functionName ?? '').toUpperCase();
  if (!isDateFunction(name))
    throw errors.malformed(`unexpected token: '${fn.rawValue ?? name}'`, offset);
  const [param] = fn.parameters ?? [];
  let fieldName: string | undefined;
  let converted = false;
  if (typeof param === 'string') fieldName = param;
  else if (
    param !== undefined &&
    (param.functionName ?? '').toLowerCase() === 'converttimezone' &&
    typeof param.parameters?.[0] === 'string'
  ) {
    fieldName = param.parameters[0];
    converted = true;
  }
  if (fieldName === undefined || (fn.parameters ?? []).length !== 1)
    throw errors.malformed(`unexpected token: '${fn.rawValue ?? name}'`, offset);
  const path = resolvePath(scope, objectDef, fieldName, offset, alias);
  const problem = dateFunctionArgumentError(name as DateFunctionName, path.field);
  if (problem) throw errors.invalidField(problem, offset);
  if (converted && path.field.type !== 'datetime')
    throw errors.invalidField(
      `field ${path.field.name} does not support function convertTimezone`,
      offset,
    );
  const read = pathReader(scope, path);
  const inner = converted ? `converttimezone(${path.text})` : path.text;
  const apply = (value: FieldValue) => applyDateFunction(name, value);
  return {
    signature: `${name}(${inner})`.toLowerCase(),
    field: syntheticField(`${name}(${path.text})`, dateFunctionResultType(name)),
    read: (row) => apply(read(row)),
    argument: path,
    converted,
    apply,
  };
}
