import type { LiteralType, Operator } from '@jetstreamapp/soql-parser-js';

/** One `field operator value` test; `value` is already SOQL text (quoted, escaped, formatted). */
export interface SoqlComparison {
  kind: 'compare';
  field: string;
  operator: Operator;
  value: string | string[];
  literalType: LiteralType;
}

export type SoqlCondition =
  | SoqlComparison
  | { kind: 'and'; items: SoqlCondition[] }
  | { kind: 'or'; items: SoqlCondition[] }
  | { kind: 'not'; item: SoqlCondition };

/** `undefined` stands for "no constraint" (TRUE) throughout the compiler. */
export type MaybeCondition = SoqlCondition | undefined;

export function compare(
  field: string,
  operator: Operator,
  value: string | string[],
  literalType: LiteralType,
): SoqlComparison {
  return { kind: 'compare', field, operator, value, literalType };
}

/** AND of the given conditions; TRUE entries drop out and nested ANDs flatten. */
export function allOf(conditions: MaybeCondition[]): MaybeCondition {
  const items: SoqlCondition[] = [];
  for (const c of conditions) {
    if (c === undefined) continue;
    if (c.kind === 'and') items.push(...c.items);
    else items.push(c);
  }
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : { kind: 'and', items };
}

/** OR of at least one condition; any TRUE entry makes the whole OR TRUE. */
export function anyOf(conditions: MaybeCondition[]): MaybeCondition {
  if (conditions.length === 0) throw new RangeError('anyOf needs at least one condition');
  const items: SoqlCondition[] = [];
  for (const c of conditions) {
    if (c === undefined) return undefined;
    if (c.kind === 'or') items.push(...c.items);
    else items.push(c);
  }
  return items.length === 1 ? items[0] : { kind: 'or', items };
}

export function negate(condition: SoqlCondition): SoqlCondition {
  return { kind: 'not', item: condition };
}
