import { MalformedParamError, type FormObject, type FormValue } from '../http/form-params';
import type { Metadata } from '../model/stripe-objects';
import { stripeErrors } from '../model/stripe-error';

const MAX_METADATA_KEYS = 50;
const MAX_METADATA_KEY_LENGTH = 40;
const MAX_METADATA_VALUE_LENGTH = 500;

/**
 * A request's parameters, read the way Stripe validates them: each accessor marks its
 * parameter as known, and `assertNoneLeft` rejects the rest with `parameter_unknown`.
 */
export class RequestParams {
  private readonly read = new Set<string>();

  constructor(private readonly values: FormObject) {}

  static from(values: FormObject | MalformedParamError): RequestParams {
    if (values instanceof MalformedParamError)
      throw stripeErrors.invalidValue(values.param, values.message);
    return new RequestParams(values);
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  /** The parameter as sent (a string, hash or array), marked as known. */
  raw(name: string): FormValue | undefined {
    this.read.add(name);
    return this.values[name];
  }

  string(name: string): string | undefined {
    this.read.add(name);
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      throw stripeErrors.invalidValue(name, `Invalid string: ${describe(value)}`);
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw stripeErrors.missingParameter(name);
    return value;
  }

  /** A string, or null when sent empty (Stripe's way to unset a field). */
  nullableString(name: string): string | null | undefined {
    const value = this.string(name);
    return value === '' ? null : value;
  }

  integer(name: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!/^-?\d+$/.test(raw)) throw stripeErrors.invalidInteger(name, raw);
    return Number(raw);
  }

  requiredInteger(name: string): number {
    const value = this.integer(name);
    if (value === undefined) throw stripeErrors.missingParameter(name);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (raw !== 'true' && raw !== 'false')
      throw stripeErrors.invalidValue(name, `Invalid boolean: ${raw}`);
    return raw === 'true';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw stripeErrors.invalidValue(
        name,
        `Invalid ${name}: must be one of ${allowed.join(', ')}`,
      );
    }
    return value as T;
  }

  /** `expand[]`: a list of strings. */
  stringList(name: string): string[] {
    this.read.add(name);
    const value = this.values[name];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      throw stripeErrors.invalidValue(name, `Invalid array: ${name}`);
    return value as string[];
  }

  /** `limit`: 1 to 100, default 10. */
  limit(): number {
    const value = this.integer('limit');
    if (value === undefined) return 10;
    if (value < 1 || value > 100) throw stripeErrors.invalidLimit();
    return value;
  }

  /** `metadata[k]=v` updates, where an empty value deletes the key (and `metadata=` clears all). */
  metadataUpdate(current: Metadata): Metadata | undefined {
    this.read.add('metadata');
    const value = this.values.metadata;
    if (value === undefined) return undefined;
    if (value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value))
      throw stripeErrors.invalidValue('metadata', 'Invalid hash');
    const next: Metadata = { ...current };
    for (const [key, v] of Object.entries(value)) {
      if (typeof v !== 'string')
        throw stripeErrors.invalidValue(`metadata[${key}]`, 'Invalid string');
      if (key.length > MAX_METADATA_KEY_LENGTH) {
        throw stripeErrors.invalidValue(
          `metadata[${key}]`,
          `Metadata keys can have up to ${MAX_METADATA_KEY_LENGTH} characters.`,
        );
      }
      if (v.length > MAX_METADATA_VALUE_LENGTH) {
        throw stripeErrors.invalidValue(
          `metadata[${key}]`,
          `Metadata values can have up to ${MAX_METADATA_VALUE_LENGTH} characters.`,
        );
      }
      if (v === '') delete next[key];
      else next[key] = v;
    }
    if (Object.keys(next).length > MAX_METADATA_KEYS) {
      throw stripeErrors.invalidValue(
        'metadata',
        `You can have up to ${MAX_METADATA_KEYS} metadata keys.`,
      );
    }
    return next;
  }

  assertNoneLeft(): void {
    for (const name of Object.keys(this.values)) {
      if (!this.read.has(name)) throw stripeErrors.unknownParameter(name);
    }
  }
}

function describe(value: FormValue): string {
  return Array.isArray(value) ? 'array' : typeof value === 'object' ? 'hash' : value;
}
