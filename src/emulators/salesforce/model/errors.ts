/**
 * An error the emulated org reports the way Salesforce does: HTTP status plus a body of
 * `[{ message, errorCode, fields }]`.
 */
export class SalesforceError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'SalesforceError';
  }

  toJSON(): { message: string; errorCode: string; fields: string[] } {
    return { message: this.message, errorCode: this.errorCode, fields: this.fields };
  }
}

export const malformedQuery = (message: string): SalesforceError =>
  new SalesforceError(400, 'MALFORMED_QUERY', message);
export const invalidField = (message: string): SalesforceError =>
  new SalesforceError(400, 'INVALID_FIELD', message);
export const invalidType = (message: string): SalesforceError =>
  new SalesforceError(400, 'INVALID_TYPE', message);
