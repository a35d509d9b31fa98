import { SalesforceError } from '../model/errors';
import type { FieldDef, ObjectDef } from '../model/types';

/**
 * The errors the org's DML raises, with Salesforce's own codes and message texts (as the REST
 * API returns them in `[{message, errorCode, fields}]`).
 */
const bad = (errorCode: string, message: string, fields: string[] = []): SalesforceError =>
  new SalesforceError(400, errorCode, message, fields);

export const notFound = (): SalesforceError =>
  new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const entityIsDeleted = (fields: string[] = []): SalesforceError =>
  new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted', fields);

/** A path Id that is malformed or of another object: the REST API answers as for an unknown external Id. */
export const unknownRecordId = (id: string): SalesforceError =>
  new SalesforceError(
    404,
    'NOT_FOUND',
    `Provided external ID field does not exist or is not accessible: ${id}`,
  );

export const malformedRecordId = (objectDef: ObjectDef, id: string): SalesforceError =>
  bad('MALFORMED_ID', `${objectDef.label} ID: id value of incorrect type: ${id}`, ['Id']);

export const malformedDeleteId = (id: string): SalesforceError =>
  bad('MALFORMED_ID', `malformed id ${id}`);

export const unknownObject = (objectName: string): SalesforceError =>
  bad('INVALID_TYPE', `sObject type '${objectName}' is not supported.`);

export const operationNotAllowed = (
  verb: 'inserted' | 'updated' | 'deleted' | 'undeleted',
  objectName: string,
): SalesforceError =>
  bad('INVALID_TYPE_FOR_OPERATION', `entity type cannot be ${verb}: ${objectName}`);

export const insufficientAccess = (): SalesforceError =>
  bad('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');

export const insufficientCrossReferenceAccess = (id: string): SalesforceError =>
  bad(
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    `insufficient access rights on cross-reference id: ${id}`,
  );

export const noSuchColumn = (field: string, objectName: string): SalesforceError =>
  bad('INVALID_FIELD', `No such column '${field}' on sobject of type ${objectName}`);

export const notWritable = (fields: string[]): SalesforceError =>
  bad(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    fields,
  );

export const idInInsert = (): SalesforceError =>
  bad('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);

export const requiredMissing = (fields: string[]): SalesforceError =>
  bad('REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields);

/** Type errors surface from the REST API's JSON binding, before any field validation. */
export const cannotDeserialize = (javaType: string, value: unknown): SalesforceError => {
  const token =
    typeof value === 'string'
      ? 'VALUE_STRING'
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? 'VALUE_NUMBER_INT'
          : 'VALUE_NUMBER_FLOAT'
        : typeof value === 'boolean'
          ? `VALUE_${String(value).toUpperCase()}`
          : 'START_OBJECT';
  const shown = typeof value === 'object' ? '{' : String(value);
  return bad(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${javaType} from ${token} value ${shown} or request may be missing a required field`,
  );
};

export const stringTooLong = (field: FieldDef, value: string): SalesforceError =>
  bad(
    'STRING_TOO_LONG',
    `${field.label}: data value too large: ${value} (max length=${field.length})`,
    [field.name],
  );

export const invalidEmail = (field: FieldDef, value: string): SalesforceError =>
  bad('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${value}`, [field.name]);

export const badRestrictedPicklist = (field: FieldDef, value: string | null): SalesforceError =>
  bad(
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    `${field.label}: bad value for restricted picklist field: ${value ?? ''}`,
    [field.name],
  );

export const numberOutOfRange = (field: FieldDef, value: number): SalesforceError =>
  bad(
    'NUMBER_OUTSIDE_VALID_RANGE',
    `${field.label}: value outside of valid range on numeric field: ${value}`,
    [field.name],
  );

export const malformedReference = (field: FieldDef, value: string): SalesforceError =>
  bad('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]);

export const wrongReferenceType = (field: FieldDef, value: string): SalesforceError =>
  bad('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [
    field.name,
  ]);

export const invalidCrossReference = (fields: string[] = []): SalesforceError =>
  bad('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', fields);

export const convertedLead = (): SalesforceError =>
  bad('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead');

export const invalidConvertedStatus = (status: string): SalesforceError =>
  bad('INVALID_STATUS', `invalid convertedStatus: ${status}`, ['Status']);

export const notInRecycleBin = (): SalesforceError =>
  bad('UNDELETE_FAILED', 'Entity is not in the recycle bin');

export const tooManyRecords = (): SalesforceError =>
  bad(
    'EXCEEDED_ID_LIMIT',
    'record limit reached. cannot submit more than 200 records into this call',
  );

export const rolledBack = (): SalesforceError =>
  bad(
    'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  );

export const unknownExternalIdField = (field: string): SalesforceError =>
  new SalesforceError(
    404,
    'NOT_FOUND',
    `Provided external ID field does not exist or is not accessible: ${field}`,
  );

export const notAnExternalIdField = (field: string, objectName: string): SalesforceError =>
  bad('INVALID_FIELD', `${field} is not an External ID or indexed field for ${objectName}`);

export const duplicateExternalIdMatches = (field: FieldDef, ids: string[]): SalesforceError =>
  new SalesforceError(
    300,
    'DUPLICATE_EXTERNAL_ID',
    `${field.label}: more than one record found for external id field: [${ids.join(', ')}]`,
    [],
  );

export const duplicateExternalIdInRequest = (value: string): SalesforceError =>
  bad('DUPLICATE_VALUE', `Duplicate external id specified: ${value}`);

export const missingExternalId = (field: string): SalesforceError =>
  bad('MISSING_ARGUMENT', `${field} not specified`);
