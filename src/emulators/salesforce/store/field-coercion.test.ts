import { dateTimeField, multiPicklistField, textField } from '../metadata/field-builders';
import { picklist } from '../metadata/picklists';
import { SalesforceError } from '../model/errors';
import { coerceFieldValue } from './field-coercion';

describe('coerceFieldValue', () => {
  const when = dateTimeField('When__c');

  it('stores datetimes as UTC ISO with millis, whatever zone they arrive in', () => {
    expect(coerceFieldValue('X', when, '2025-01-02T03:04:05Z')).toBe('2025-01-02T03:04:05.000Z');
    expect(coerceFieldValue('X', when, '2025-01-02T03:04:05.123+0100')).toBe(
      '2025-01-02T02:04:05.123Z',
    );
    expect(coerceFieldValue('X', when, '2025-01-02T03:04:05.5-05:30')).toBe(
      '2025-01-02T08:34:05.500Z',
    );
    expect(coerceFieldValue('X', when, null)).toBeNull();
  });

  it.each(['2025-01-02', '2025-13-01T00:00:00Z', '2025-01-02T25:00:00Z', 'yesterday', 42])(
    'rejects the datetime %p with JSON_PARSER_ERROR',
    (raw) => {
      expect(() => coerceFieldValue('X', when, raw)).toThrow(SalesforceError);
      try {
        coerceFieldValue('X', when, raw);
      } catch (e) {
        expect((e as SalesforceError).errorCode).toBe('JSON_PARSER_ERROR');
      }
    },
  );

  it('turns numbers into text for text fields and empty strings into null', () => {
    const field = textField('Code__c', 10);
    expect(coerceFieldValue('X', field, 12)).toBe('12');
    expect(coerceFieldValue('X', field, '')).toBeNull();
    expect(() => coerceFieldValue('X', field, { a: 1 })).toThrow(SalesforceError);
  });

  it('normalizes multi-select picklists to distinct ;-separated values', () => {
    const field = multiPicklistField('Tags__c', picklist(['A', 'B']));
    expect(coerceFieldValue('X', field, 'A; B;A;;')).toBe('A;B');
    expect(coerceFieldValue('X', field, ' ; ')).toBeNull();
  });
});
