import { stripeErrors } from '../model/stripe-error';
import type { RequestParams } from './request-params';

/**
 * A list's `created` filter: an exact Unix time, or a range `created[gt|gte|lt|lte]`.
 * Answers a predicate on `created`.
 */
export function createdFilter(params: RequestParams): (created: number) => boolean {
  const raw = params.raw('created');
  if (raw === undefined) return () => true;
  if (typeof raw === 'string') {
    const exact = toInteger('created', raw);
    return (created) => created === exact;
  }
  if (Array.isArray(raw)) throw stripeErrors.invalidValue('created', 'Invalid timestamp');
  const bounds: Array<(created: number) => boolean> = [];
  for (const [op, value] of Object.entries(raw)) {
    if (typeof value !== 'string')
      throw stripeErrors.invalidValue(`created[${op}]`, 'Invalid integer');
    const bound = toInteger(`created[${op}]`, value);
    switch (op) {
      case 'gt':
        bounds.push((c) => c > bound);
        break;
      case 'gte':
        bounds.push((c) => c >= bound);
        break;
      case 'lt':
        bounds.push((c) => c < bound);
        break;
      case 'lte':
        bounds.push((c) => c <= bound);
        break;
      default:
        throw stripeErrors.unknownParameter(`created[${op}]`);
    }
  }
  return (created) => bounds.every((test) => test(created));
}

function toInteger(param: string, value: string): number {
  if (!/^\d+$/.test(value)) throw stripeErrors.invalidInteger(param, value);
  return Number(value);
}
