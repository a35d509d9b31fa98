import { SalesforceError } from '../model/errors';
import { scanSoql, type SoqlToken } from './soql-lexer';

/** Salesforce's maximum SOQL statement length (Winter '21 raised it from 20,000). */
export const MAX_SOQL_LENGTH = 100_000;
export const MAX_OFFSET = 2_000;

const EXCERPT_RADIUS = 40;

/**
 * Builds query errors the way Salesforce words them: the offending part of the query, a
 * caret under the column, `ERROR at Row:R:Column:C`, then the message, e.g.
 * `\nSELECT Id, Foo FROM Account\n           ^\nERROR at Row:1:Column:12\nNo such column ...`.
 */
export class SoqlErrors {
  private tokenCache: SoqlToken[] | undefined;

  constructor(readonly soql: string) {}

  get tokens(): SoqlToken[] {
    this.tokenCache ??= scanSoql(this.soql);
    return this.tokenCache;
  }

  malformed(message: string, offset = -1): SalesforceError {
    return new SalesforceError(400, 'MALFORMED_QUERY', this.located(message, offset));
  }

  invalidField(message: string, offset = -1): SalesforceError {
    return new SalesforceError(400, 'INVALID_FIELD', this.located(message, offset));
  }

  invalidType(message: string, offset = -1): SalesforceError {
    return new SalesforceError(400, 'INVALID_TYPE', this.located(message, offset));
  }

  invalidOperator(message: string, offset = -1): SalesforceError {
    return new SalesforceError(400, 'INVALID_QUERY_FILTER_OPERATOR', this.located(message, offset));
  }

  noSuchColumn(field: string, entity: string, offset = -1): SalesforceError {
    return this.invalidField(
      `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      offset,
    );
  }

  unknownRelationship(relationship: string, offset = -1): SalesforceError {
    return this.invalidField(
      `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      offset,
    );
  }

  unsupportedObject(objectName: string, offset = -1): SalesforceError {
    return this.invalidType(
      `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      offset,
    );
  }

  unknownChildRelationship(relationship: string, offset = -1): SalesforceError {
    return this.invalidType(
      `Didn't understand relationship '${relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      offset,
    );
  }

  /** Message prefixed with the query excerpt; without a known offset, the bare message. */
  located(message: string, offset: number): string {
    if (offset < 0) return message;
    const before = this.soql.slice(0, offset);
    const row = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEndRaw = this.soql.indexOf('\n', offset);
    const line = this.soql.slice(lineStart, lineEndRaw < 0 ? this.soql.length : lineEndRaw);
    const column = offset - lineStart + 1;
    const from = Math.max(0, column - 1 - EXCERPT_RADIUS);
    const excerpt = line.slice(from, column - 1 + EXCERPT_RADIUS);
    const caret = `${' '.repeat(column - 1 - from)}^`;
    return `\n${excerpt}\n${caret}\nERROR at Row:${row}:Column:${column}\n${message}`;
  }
}
