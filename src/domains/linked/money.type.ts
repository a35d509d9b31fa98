import { Field, Float, ObjectType } from 'type-graphql';

/** An amount in major units (12.34, not Stripe's 1234 cents) with its ISO 4217 currency. */
@ObjectType({ description: 'An amount in major units (12.34 USD, never cents) and its currency.' })
export class Money {
  @Field(() => Float, { description: 'Major units: 12.34 means twelve dollars and 34 cents.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 code in upper case: USD, EUR, JPY.' })
  currency!: string;
}

/**
 * Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal): their
 * minor unit is the major unit.
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);

/** `money(1234, 'usd')` → 12.34 USD; `money(500, 'jpy')` → 500 JPY. */
export function moneyFromMinorUnits(amount: number, currency: string): Money {
  const code = currency.toUpperCase();
  const major = ZERO_DECIMAL.has(code) ? amount : amount / 100;
  return Object.assign(new Money(), { amount: roundMoney(major), currency: code });
}

export function money(amount: number, currency: string): Money {
  return Object.assign(new Money(), {
    amount: roundMoney(amount),
    currency: currency.toUpperCase(),
  });
}

/** Sums of decimal amounts drift (0.1 + 0.2); money is reported to the cent. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}
