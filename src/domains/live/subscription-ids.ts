import { BadUserInputError } from '../../errors';
import type { SObjectTypeName } from '../../live/normalized-change';
import { ENTITY_NAMES } from '../../upstreams/salesforce/cdc/entity-names';
import { normalizeId, SoqlInputError } from '../../upstreams/salesforce/soql';
import { KEY_PREFIXES } from '../crm/common/key-prefixes';

function withArticle(object: string): string {
  return `${/^[AEIOU]/.test(object) ? 'an' : 'a'} ${object}`;
}

function describeTypes(types: readonly SObjectTypeName[]): string {
  const names = types.map((type) => withArticle(ENTITY_NAMES[type]));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * A subscription's Id list, checked as the HTTP fields check theirs: 15 or 18 letters and
 * digits, a matching checksum, and the key prefix of a type the field can deliver (an Id of
 * another object could never match a change, so the subscription would never fire). Answers
 * the 18-character forms, so a mis-cased 18-character Id still matches; throws BAD_USER_INPUT.
 */
export function parseSubscriptionIds(
  ids: readonly string[] | null | undefined,
  argument: string,
  types: readonly SObjectTypeName[],
): string[] | null | undefined {
  if (ids === null || ids === undefined) return ids;
  const prefixes = types.map((type) => KEY_PREFIXES[ENTITY_NAMES[type]]);
  return ids.map((id, i) => {
    const at = `${argument}[${i}]`;
    let normalized: string;
    try {
      normalized = normalizeId(id, argument);
    } catch (error) {
      if (error instanceof SoqlInputError) {
        throw new BadUserInputError(`${at}: ${error.message}`, { argument });
      }
      throw error;
    }
    if (!prefixes.some((prefix) => normalized.startsWith(prefix))) {
      throw new BadUserInputError(
        `${at}: ${id} is not the Id of ${describeTypes(types)} (its key prefix is ${id.slice(0, 3)}), so no change could match it`,
        { argument },
      );
    }
    return normalized;
  });
}
