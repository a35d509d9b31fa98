import type { FieldDef, FieldValue } from '../model/types';
import {
  badRestrictedPicklist,
  cannotDeserialize,
  invalidEmail,
  numberOutOfRange,
  stringTooLong,
} from './dml-errors';

/** Only these picklists reject unknown values; the org's other picklists are unrestricted. */
const RESTRICTED_PICKLISTS = new Set(['Opportunity.StageName', 'Lead.Status']);

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 with a zone: `Z`, `+01:00` or Salesforce's own `+0000`. */
const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Deliberately loose, like the org's check: something@domain.tld, no spaces. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Turns one raw JSON value into the stored value for `field`, or throws the error the org
 * gives for it. References are only shape-checked here; `RecordWriter` checks their target.
 */
export function coerceFieldValue(objectName: string, field: FieldDef, raw: unknown): FieldValue {
  if (raw === null || raw === undefined) return field.type === 'boolean' ? false : null;
  switch (field.type) {
    case 'boolean':
      return coerceBoolean(raw);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return coerceNumber(field, raw);
    case 'date':
      return coerceDate(raw);
    case 'datetime':
      return coerceDateTime(raw);
    case 'email':
      return checkEmail(field, coerceText(field, raw));
    case 'picklist':
      return checkPicklist(objectName, field, coerceText(field, raw));
    case 'multipicklist':
      return normalizeMultiPicklist(coerceText(field, raw));
    case 'reference':
    case 'id':
    case 'string':
    case 'textarea':
    case 'phone':
    case 'url':
    case 'encryptedstring':
      return coerceText(field, raw);
    case 'location':
    case 'address':
      // Compound fields are read-only; the caller rejects writes to them before this point.
      throw cannotDeserialize('address', raw);
  }
}

function coerceText(field: FieldDef, raw: unknown): string | null {
  if (typeof raw === 'object') throw cannotDeserialize('string', raw);
  const value = String(raw);
  if (value === '') return null;
  if (field.length > 0 && value.length > field.length) throw stringTooLong(field, value);
  return value;
}

function coerceBoolean(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  throw cannotDeserialize('boolean', raw);
}

function coerceNumber(field: FieldDef, raw: unknown): number | null {
  const javaType = field.type === 'int' ? 'int' : 'double';
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)))
    value = Number(raw);
  else if (raw === '') return null;
  else throw cannotDeserialize(javaType, raw);
  if (!Number.isFinite(value)) throw cannotDeserialize(javaType, raw);
  if (field.type === 'int' && !Number.isInteger(value)) throw cannotDeserialize('int', raw);
  // Half-up on the decimal digits, as the org rounds currency (10.555 → 10.56), not binary toFixed.
  const rounded =
    Math.sign(value) *
    Number(`${Math.round(Number(`${Math.abs(value)}e${field.scale}`))}e-${field.scale}`);
  const integerDigits = Math.trunc(Math.abs(rounded)).toString().length;
  if (field.precision > 0 && integerDigits > field.precision - field.scale) {
    throw numberOutOfRange(field, value);
  }
  return rounded;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function coerceDate(raw: unknown): string | null {
  if (raw === '') return null;
  const match = typeof raw === 'string' ? DATE_PATTERN.exec(raw) : null;
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw cannotDeserialize('date', raw);
  }
  return match[0];
}

function coerceDateTime(raw: unknown): string | null {
  if (raw === '') return null;
  const match = typeof raw === 'string' ? DATETIME_PATTERN.exec(raw) : null;
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw cannotDeserialize('datetime', raw);
  }
  const [, y, mo, d, h, mi, s = '00', fraction = '0', zone] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) throw cannotDeserialize('datetime', raw);
  let time = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    millis,
  );
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return new Date(time).toISOString();
}

function checkEmail(field: FieldDef, value: string | null): string | null {
  if (value !== null && !EMAIL_PATTERN.test(value)) throw invalidEmail(field, value);
  return value;
}

function checkPicklist(objectName: string, field: FieldDef, value: string | null): string | null {
  if (!RESTRICTED_PICKLISTS.has(`${objectName}.${field.name}`)) return value;
  if (value === null || !field.picklistValues.some((p) => p.active && p.value === value)) {
    throw badRestrictedPicklist(field, value);
  }
  return value;
}

/** Salesforce stores multi-select values `;`-separated, without blanks or repeats. */
function normalizeMultiPicklist(value: string | null): string | null {
  if (value === null) return null;
  const parts = [
    ...new Set(
      value
        .split(';')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    ),
  ];
  return parts.length === 0 ? null : parts.join(';');
}
