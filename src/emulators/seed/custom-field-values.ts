import {
  COMPETITORS,
  LANGUAGES,
  LEAD_INTERESTS,
  REGIONS,
  SEGMENTS,
} from '../salesforce/metadata/custom-fields';
import { makeId } from '../salesforce/model/ids';
import type { FieldValue, SObjectRecord } from '../salesforce/model/types';
import { SeededRandom } from './seeded-random';

const DAY_MS = 86_400_000;
/** Its own stream, so adding custom fields left the standard fields' seeded values unchanged. */
const CUSTOM_STREAM = 0x5eed_c0de;

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number): string => new Date(ms).toISOString();

function someOf(rng: SeededRandom, values: readonly string[]): string {
  const chosen = values.filter(() => rng.chance(0.35));
  // Salesforce stores a multi-select picklist as its values joined by ';' in picklist order.
  return (chosen.length > 0 ? chosen : [rng.pick(values)]).join(';');
}

/**
 * Fills the custom fields of the seeded CRM records, deterministically from the seed and in
 * record order. References point at seeded records: an account's primary contact is one of
 * its contacts, an opportunity's partner another account.
 */
export function seedCustomFieldValues(
  records: Array<{ objectName: string; record: SObjectRecord }>,
  seed: number,
  baseMs: number,
): void {
  const rng = new SeededRandom((seed ^ CUSTOM_STREAM) >>> 0);
  const accounts = records.filter((r) => r.objectName === 'Account').map((r) => r.record);
  const contactsByAccount = new Map<string, string>();
  for (const { objectName, record } of records) {
    if (objectName === 'Contact' && typeof record.AccountId === 'string') {
      if (!contactsByAccount.has(record.AccountId))
        contactsByAccount.set(record.AccountId, record.Id);
    }
  }
  const set = (record: SObjectRecord, values: Record<string, FieldValue>): void => {
    Object.assign(record, values);
  };
  for (const { objectName, record } of records) {
    switch (objectName) {
      case 'Account':
        set(record, {
          Region__c: rng.maybe(0.1, () => rng.pick(REGIONS)),
          Segments__c: rng.maybe(0.3, () => someOf(rng, SEGMENTS)),
          Credit_Limit__c: rng.maybe(0.4, () => rng.int(1, 50) * 10000),
          Health_Score__c: rng.maybe(0.2, () => rng.int(0, 100)),
          Renewal_Date__c: rng.maybe(0.3, () => day(baseMs + rng.int(-60, 365) * DAY_MS)),
          Is_Strategic__c: rng.chance(0.2),
          Primary_Contact__c: rng.chance(0.7) ? (contactsByAccount.get(record.Id) ?? null) : null,
          Billing_Email__c: rng.maybe(0.5, () => `billing${rng.int(1, 999)}@example.com`),
          Support_Phone__c: rng.maybe(
            0.5,
            () => `+1 800-555-${String(rng.int(0, 9999)).padStart(4, '0')}`,
          ),
          Portal_Url__c: rng.maybe(
            0.6,
            () => `https://portal.example.com/a/${rng.alphanumeric(8)}`,
          ),
          Summary__c: rng.maybe(
            0.5,
            () => `Customer in ${String(record.Industry ?? 'an unlisted industry')}.`,
          ),
          Tax_Id__c: rng.maybe(0.5, () => `TX-${rng.int(100000, 999999)}`),
          Account_Plan__c: rng.maybe(0.7, () => '<p>Grow the <b>account</b> this year.</p>'),
        });
        break;
      case 'Contact':
        set(record, {
          Nickname__c: rng.maybe(0.7, () =>
            String(record.FirstName ?? record.LastName).slice(0, 3),
          ),
          Languages__c: rng.maybe(0.3, () => someOf(rng, LANGUAGES)),
          Last_Survey_At__c: rng.maybe(0.4, () => iso(baseMs - rng.int(1, 400) * 3_600_000 * 24)),
          Loyalty_Score__c: rng.maybe(0.3, () => rng.int(0, 1000) / 100),
          Birthday__c: rng.maybe(0.5, () =>
            day(Date.UTC(rng.int(1960, 2000), rng.int(0, 11), rng.int(1, 28))),
          ),
          Is_Champion__c: rng.chance(0.15),
        });
        break;
      case 'Opportunity': {
        const partner = rng.chance(0.25) ? rng.pick(accounts) : undefined;
        set(record, {
          Partner_Account__c: partner && partner.Id !== record.AccountId ? partner.Id : null,
          Campaign__c: rng.maybe(0.6, () => makeId('701', rng.int(1, 40))),
          Discount__c: rng.maybe(0.5, () => rng.pick([5, 10, 12.5, 15, 20])),
          Margin__c: rng.maybe(0.3, () => rng.int(5, 500) * 100),
          Competitor__c: rng.maybe(0.4, () => rng.pick(COMPETITORS)),
          Next_Step_Date__c: rng.maybe(0.4, () => day(baseMs + rng.int(1, 60) * DAY_MS)),
          Deal_Notes__c: rng.maybe(0.6, () => '<p>Champion engaged.</p>'),
        });
        break;
      }
      case 'Lead':
        set(record, {
          Score__c: rng.maybe(0.2, () => rng.int(0, 100)),
          Budget__c: rng.maybe(0.5, () => rng.int(1, 100) * 1000),
          Is_Qualified__c: rng.chance(0.3),
          Interests__c: rng.maybe(0.4, () => someOf(rng, LEAD_INTERESTS)),
          Follow_Up_At__c: rng.maybe(0.5, () => iso(baseMs + rng.int(1, 720) * 3_600_000)),
          Referral_Url__c: rng.maybe(
            0.7,
            () => `https://partners.example.com/r/${rng.alphanumeric(6)}`,
          ),
        });
        break;
      default:
        break;
    }
  }
}
