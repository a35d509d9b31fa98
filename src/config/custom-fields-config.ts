import type { CustomFieldsConfig } from './config.types';

/** The objects whose custom fields the graph can carry. */
const OBJECTS = ['Account', 'Contact', 'Opportunity', 'Lead'];
/** A custom field's API name: letters, digits, single underscores, `__c` (namespace allowed). */
const CUSTOM_NAME =
  /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)?__c$/;

/**
 * `CUSTOM_FIELDS`: `auto` (every custom field the integration user sees), `none`, or a comma
 * list of `Object.Field__c` names (Account, Contact, Opportunity, Lead). Names only choose
 * among what describe reports; they never reach SOQL on their own.
 */
export function resolveCustomFields(raw: string, problems: string[]): CustomFieldsConfig {
  const value = raw.trim();
  if (value === '' || value.toLowerCase() === 'auto') return { mode: 'auto' };
  if (value.toLowerCase() === 'none') return { mode: 'none' };
  const fields: string[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const [object, field, extra] = entry.split('.');
    const known = OBJECTS.find((o) => o.toLowerCase() === object?.toLowerCase());
    if (!known || field === undefined || extra !== undefined || !CUSTOM_NAME.test(field)) {
      problems.push(
        `CUSTOM_FIELDS: "${entry}" is not auto, none or Object.Field__c with Object one of ${OBJECTS.join(', ')}`,
      );
      continue;
    }
    fields.push(`${known}.${field}`);
  }
  return { mode: 'list', fields };
}
