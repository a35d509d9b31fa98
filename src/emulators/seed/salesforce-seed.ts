import {
  ACCOUNT_TYPES,
  INDUSTRIES,
  LEAD_SOURCES,
  OPPORTUNITY_TYPES,
  PRODUCT_INTERESTS,
  RATINGS,
  STANDARD_OBJECTS,
  findObject,
} from '../salesforce/metadata';
import { makeId } from '../salesforce/model/ids';
import type { EmulatorUser, FieldValue, ObjectDef, SObjectRecord } from '../salesforce/model/types';
import { applyDerivedFields } from '../salesforce/store/derived-fields';
import type { SeedData } from '../salesforce/store/store-types';
import {
  CITIES,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  LAST_NAMES,
  LAST_NAME_WEIGHTS,
  OPPORTUNITY_TOPICS,
  SHARED_COMPANY_NAMES,
  STREETS,
  TITLES,
  TRICKY_COMPANY_NAMES,
} from './name-pools';
import { seedCustomFieldValues } from './custom-field-values';
import { DEMO_ADMIN, DEMO_INTEGRATION_USER, DEMO_REPS, DEMO_USERS } from './salesforce-users';
import { SeededRandom } from './seeded-random';

/**
 * The seed's default "now": every date is relative to the base date, so the same (scale, seed,
 * baseDate) always gives the same data. The emulator passes the current UTC day instead, so
 * the demo's "this quarter" and "next 30 days" always hold data.
 */
export const SEED_BASE_DATE = '2025-06-30T12:00:00.000Z';
export const DEFAULT_SEED = 20250630;

/** Record counts at scale 1 (the demo default). */
export const SEED_COUNTS_AT_SCALE_1 = {
  Account: 200,
  Contact: 1000,
  Opportunity: 600,
  Lead: 400,
} as const;

export interface SeedOptions {
  /** Multiplies the record counts (users stay six); fractions give small test orgs. */
  scale?: number;
  seed?: number;
  /** The moment the data is generated "as of" (default SEED_BASE_DATE). */
  baseDate?: Date | string;
}

const DAY_MS = 86_400_000;
/** Amounts most deals use, so sorting by amount has ties. */
const AMOUNT_TIERS = [5000, 10000, 15000, 25000, 50000, 75000, 100000, 250000] as const;
const REVENUE_TIERS = [1e6, 5e6, 10e6, 50e6, 100e6, 250e6, 1e9] as const;

const iso = (ms: number): string => new Date(ms).toISOString();
const day = (ms: number): string => iso(ms).slice(0, 10);
const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const INDUSTRY_WEIGHTS: ReadonlyArray<readonly [string, number]> = INDUSTRIES.map((name) => [
  name,
  name === 'Technology'
    ? 20
    : ['Finance', 'Banking'].includes(name)
      ? 10
      : ['Healthcare', 'Manufacturing', 'Retail'].includes(name)
        ? 8
        : 2,
]);
const TYPE_WEIGHTS: ReadonlyArray<readonly [string, number]> = ACCOUNT_TYPES.map((t, i) => [
  t,
  [30, 35, 12, 8, 5, 5, 5][i] ?? 1,
]);
const SOURCE_WEIGHTS: ReadonlyArray<readonly [string, number]> = LEAD_SOURCES.map((s, i) => [
  s,
  [40, 20, 15, 15, 10][i] ?? 1,
]);
const STAGE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['Closed Won', 22],
  ['Closed Lost', 18],
  ['Prospecting', 12],
  ['Qualification', 10],
  ['Needs Analysis', 8],
  ['Value Proposition', 8],
  ['Id. Decision Makers', 6],
  ['Perception Analysis', 5],
  ['Proposal/Price Quote', 6],
  ['Negotiation/Review', 5],
];
const LEAD_STATUS_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['Open - Not Contacted', 45],
  ['Working - Contacted', 35],
  ['Closed - Not Converted', 20],
];

interface Audit {
  createdMs: number;
  ownerId: string;
}

/**
 * Builds the demo org deterministically from (scale, seed). Records reference each other
 * consistently: contacts and opportunities sit under accounts, converted leads point at the
 * account, contact and opportunity they became.
 */
class SalesforceSeedBuilder {
  private readonly rng: SeededRandom;
  private counter = 100;
  readonly records: Array<{ objectName: string; record: SObjectRecord }> = [];
  private readonly accounts: SObjectRecord[] = [];
  private readonly contacts: SObjectRecord[] = [];
  private readonly oppsByAccount = new Map<string, SObjectRecord[]>();

  private readonly baseMs: number;
  private readonly oldestMs: number;
  /** One bulk import moment shared by some accounts: a CreatedDate tie. */
  private readonly importMs: number;

  constructor(
    seed: number,
    private readonly scale: number,
    baseDate: Date | string,
  ) {
    this.rng = new SeededRandom(seed);
    this.baseMs = new Date(baseDate).getTime();
    if (Number.isNaN(this.baseMs)) throw new Error(`baseDate is not a date: ${String(baseDate)}`);
    this.oldestMs = this.baseMs - 730 * DAY_MS;
    this.importMs = this.oldestMs + 3 * DAY_MS;
  }

  build(): void {
    const count = (name: keyof typeof SEED_COUNTS_AT_SCALE_1): number =>
      Math.max(1, Math.round(SEED_COUNTS_AT_SCALE_1[name] * this.scale));
    for (let i = 0; i < count('Account'); i++) this.account(i);
    for (let i = 0; i < count('Contact'); i++) this.contact();
    for (let i = 0; i < count('Opportunity'); i++) this.opportunity();
    const leads = count('Lead');
    const converted = Math.round(leads * 0.15);
    const candidates = this.contacts.filter((c) => c.AccountId !== null);
    for (let i = 0; i < leads; i++) {
      const contact = i < converted ? candidates[(i * 7) % candidates.length] : undefined;
      if (contact && !this.usedContacts.has(contact.Id)) this.convertedLead(contact);
      else this.openLead();
    }
  }

  private readonly usedContacts = new Set<string>();

  private owner(): string {
    const rng = this.rng;
    return rng.weighted<EmulatorUser>([
      [DEMO_REPS[0], 30],
      [DEMO_REPS[1], 25],
      [DEMO_REPS[2], 20],
      [DEMO_REPS[3], 17],
      [DEMO_ADMIN, 8],
    ]).Id;
  }

  /** An owner that follows the parent's most of the time, as reps own their accounts' deals. */
  private ownerLike(parent: SObjectRecord | undefined): string {
    return parent && this.rng.chance(0.85) ? String(parent.OwnerId) : this.owner();
  }

  /** Skewed toward the first accounts: a few big accounts with many children, many small. */
  private someAccount(noneRate: number): SObjectRecord | undefined {
    if (this.rng.chance(noneRate)) return undefined;
    const index = Math.floor(this.accounts.length * this.rng.next() ** 1.6);
    return this.accounts[index];
  }

  private between(fromMs: number, toMs: number): number {
    return fromMs + Math.floor(this.rng.next() * Math.max(0, toMs - fromMs));
  }

  private phone(): string {
    return `+1 ${this.rng.int(201, 989)}-555-${String(this.rng.int(0, 9999)).padStart(4, '0')}`;
  }

  private address(prefix: string): Record<string, FieldValue> {
    const [city, state, postalCode, country] = this.rng.pick(CITIES);
    return {
      [`${prefix}Street`]: `${this.rng.int(1, 999)} ${this.rng.pick(STREETS)}`,
      [`${prefix}City`]: city,
      [`${prefix}State`]: state,
      [`${prefix}PostalCode`]: postalCode,
      [`${prefix}Country`]: country,
    };
  }

  private lastName(): string {
    return this.rng.weighted(LAST_NAMES.map((n, i) => [n, LAST_NAME_WEIGHTS[i]] as const));
  }

  private companyName(index: number): string {
    if (index < TRICKY_COMPANY_NAMES.length) return TRICKY_COMPANY_NAMES[index];
    if (this.rng.chance(0.04)) return this.rng.pick(SHARED_COMPANY_NAMES);
    const stem = this.rng.pick(COMPANY_STEMS);
    const suffix = this.rng.pick(COMPANY_SUFFIXES);
    return this.rng.chance(0.4)
      ? `${stem} ${this.rng.pick(CITIES)[0]} ${suffix}`
      : `${stem} ${suffix}`;
  }

  private row(objectName: string, values: Record<string, FieldValue>, audit: Audit): SObjectRecord {
    const objectDef = findObject(objectName, STANDARD_OBJECTS) as ObjectDef;
    const record: SObjectRecord = { Id: makeId(objectDef.keyPrefix, this.counter++) };
    for (const field of objectDef.fields) {
      if (field.type !== 'id') record[field.name] = field.type === 'boolean' ? false : null;
    }
    const modifiedMs = Math.min(this.baseMs, audit.createdMs + this.rng.int(0, 90) * DAY_MS);
    // Imports run as the integration user; the rest was keyed in by the owner.
    const author = this.rng.chance(0.3) ? DEMO_INTEGRATION_USER.Id : audit.ownerId;
    Object.assign(record, values, {
      OwnerId: audit.ownerId,
      IsDeleted: false,
      CreatedDate: iso(audit.createdMs),
      CreatedById: author,
      LastModifiedDate: iso(modifiedMs),
      LastModifiedById: author,
      SystemModstamp: iso(modifiedMs),
    });
    applyDerivedFields(objectDef, record, new Set(Object.keys(values)), true);
    this.records.push({ objectName, record });
    return record;
  }

  private account(index: number): void {
    const rng = this.rng;
    const name = this.companyName(index);
    const createdMs = rng.chance(0.1)
      ? this.importMs
      : this.between(this.oldestMs, this.baseMs - 30 * DAY_MS);
    const roots = this.accounts.filter((a) => a.ParentId === null);
    const linked = rng.chance(1 / 3);
    const slug = ascii(name) || `account${index}`;
    const record = this.row(
      'Account',
      {
        Name: name,
        Type: rng.maybe(0.1, () => rng.weighted(TYPE_WEIGHTS)),
        Industry: rng.maybe(0.1, () => rng.weighted(INDUSTRY_WEIGHTS)),
        ParentId: index > 10 && rng.chance(0.05) ? rng.pick(roots).Id : null,
        Phone: rng.maybe(0.2, () => this.phone()),
        Website: rng.maybe(0.25, () => `https://www.${slug}.example.com`),
        AnnualRevenue: rng.maybe(0.15, () =>
          rng.chance(0.6) ? rng.pick(REVENUE_TIERS) : rng.int(100, 900000) * 1000,
        ),
        NumberOfEmployees: rng.maybe(0.1, () =>
          rng.pick([10, 50, 100, 250, 1000, rng.int(2, 20000)]),
        ),
        AccountSource: rng.maybe(0.3, () => rng.weighted(SOURCE_WEIGHTS)),
        Description: rng.maybe(
          0.85,
          () => `Reference customer since ${day(createdMs).slice(0, 4)}.`,
        ),
        ...(rng.chance(0.85) ? this.address('Billing') : {}),
        Stripe_Customer_Id__c: linked && rng.chance(0.9) ? `cus_${rng.alphanumeric(14)}` : null,
        Zendesk_Organization_Id__c:
          linked && rng.chance(0.8) ? String(360000000000 + this.counter * 7) : null,
        QuickBooks_Customer_Id__c: linked && rng.chance(0.7) ? String(1000 + index) : null,
      },
      { createdMs, ownerId: this.owner() },
    );
    this.accounts.push(record);
  }

  private contact(): void {
    const rng = this.rng;
    const account = this.someAccount(0.05);
    const first = rng.maybe(0.05, () => rng.pick(FIRST_NAMES));
    const last = this.lastName();
    const accountCreated = account ? Date.parse(String(account.CreatedDate)) : this.oldestMs;
    const website = typeof account?.Website === 'string' ? account.Website : null;
    const domain = website ? website.replace(/^https:\/\/www\./, '') : 'example.com';
    const local = [ascii(first ?? ''), ascii(last)].filter((p) => p !== '').join('.') || 'contact';
    const record = this.row(
      'Contact',
      {
        AccountId: account?.Id ?? null,
        FirstName: first,
        LastName: last,
        Email: rng.maybe(0.1, () => `${local}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${domain}`),
        Phone: rng.maybe(0.25, () => this.phone()),
        Title: rng.maybe(0.2, () => rng.pick(TITLES)),
        LeadSource: rng.maybe(0.3, () => rng.weighted(SOURCE_WEIGHTS)),
        ...(rng.chance(0.5) ? this.address('Mailing') : {}),
      },
      { createdMs: this.between(accountCreated, this.baseMs), ownerId: this.ownerLike(account) },
    );
    this.contacts.push(record);
  }

  private opportunity(): void {
    const rng = this.rng;
    const account = this.someAccount(0.03);
    const stage = rng.weighted(STAGE_WEIGHTS);
    const closed = stage.startsWith('Closed');
    let closeMs = closed
      ? this.baseMs - rng.int(1, 700) * DAY_MS
      : this.baseMs + rng.int(-30, 182) * DAY_MS;
    if (rng.chance(0.3)) {
      // Month ends: the usual close dates, and ties for sorting by close date.
      const d = new Date(closeMs);
      closeMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12);
    }
    const accountCreated = account ? Date.parse(String(account.CreatedDate)) : this.oldestMs;
    const createdMs = Math.max(
      accountCreated,
      Math.min(this.baseMs - rng.int(1, 90) * DAY_MS, closeMs - rng.int(14, 200) * DAY_MS),
    );
    const values: Record<string, FieldValue> = {
      AccountId: account?.Id ?? null,
      Name: `${account ? `${String(account.Name)} - ` : ''}${rng.pick(OPPORTUNITY_TOPICS)}`,
      StageName: stage,
      CloseDate: day(closeMs),
      Amount: rng.maybe(0.1, () =>
        rng.chance(0.7) ? rng.pick(AMOUNT_TIERS) : rng.int(10, 5000) * 100,
      ),
      Type: rng.maybe(0.2, () => rng.pick(OPPORTUNITY_TYPES)),
      LeadSource: rng.maybe(0.3, () => rng.weighted(SOURCE_WEIGHTS)),
      Product_Interest__c: rng.maybe(0.5, () =>
        [...new Set([rng.pick(PRODUCT_INTERESTS), rng.pick(PRODUCT_INTERESTS)])].join(';'),
      ),
    };
    if (!closed && rng.chance(0.1)) values.Probability = rng.pick([15, 25, 40, 65, 80]);
    const record = this.row('Opportunity', values, {
      createdMs,
      ownerId: this.ownerLike(account),
    });
    if (account) {
      const list = this.oppsByAccount.get(account.Id) ?? [];
      list.push(record);
      this.oppsByAccount.set(account.Id, list);
    }
  }

  private leadCommon(): Record<string, FieldValue> {
    const rng = this.rng;
    return {
      Rating: rng.maybe(0.3, () => rng.pick(RATINGS)),
      AnnualRevenue: rng.maybe(0.4, () => rng.pick(REVENUE_TIERS)),
      NumberOfEmployees: rng.maybe(0.4, () => rng.pick([5, 20, 100, 500, 2000])),
      ...(rng.chance(0.4) ? this.address('') : {}),
    };
  }

  private openLead(): void {
    const rng = this.rng;
    const first = rng.maybe(0.05, () => rng.pick(FIRST_NAMES));
    const last = this.lastName();
    const company = rng.chance(0.03)
      ? rng.pick(TRICKY_COMPANY_NAMES)
      : this.companyName(TRICKY_COMPANY_NAMES.length);
    const local = [ascii(first ?? ''), ascii(last)].filter((p) => p !== '').join('.') || 'lead';
    this.row(
      'Lead',
      {
        FirstName: first,
        LastName: last,
        Company: company,
        Title: rng.maybe(0.2, () => rng.pick(TITLES)),
        Email: rng.maybe(0.1, () => `${local}@${ascii(company) || 'lead'}.example.org`),
        Phone: rng.maybe(0.2, () => this.phone()),
        Status: rng.weighted(LEAD_STATUS_WEIGHTS),
        LeadSource: rng.maybe(0.2, () => rng.weighted(SOURCE_WEIGHTS)),
        Industry: rng.maybe(0.15, () => rng.weighted(INDUSTRY_WEIGHTS)),
        ...this.leadCommon(),
      },
      { createdMs: this.between(this.oldestMs, this.baseMs), ownerId: this.owner() },
    );
  }

  /** A lead that became `contact`: same person, its account's name, converted on its creation day. */
  private convertedLead(contact: SObjectRecord): void {
    this.usedContacts.add(contact.Id);
    const account = this.accounts.find((a) => a.Id === contact.AccountId);
    const convertedMs = Date.parse(String(contact.CreatedDate));
    const opps = this.oppsByAccount.get(String(contact.AccountId)) ?? [];
    const opportunity = opps.length > 0 && this.rng.chance(0.7) ? this.rng.pick(opps) : undefined;
    const record = this.row(
      'Lead',
      {
        FirstName: contact.FirstName ?? null,
        LastName: contact.LastName ?? null,
        Company: account?.Name ?? null,
        Title: contact.Title ?? null,
        Email: contact.Email ?? null,
        Phone: contact.Phone ?? null,
        Status: 'Closed - Converted',
        LeadSource: contact.LeadSource ?? null,
        Industry: account?.Industry ?? null,
        IsConverted: true,
        ConvertedDate: day(convertedMs),
        ConvertedAccountId: account?.Id ?? null,
        ConvertedContactId: contact.Id,
        ConvertedOpportunityId: opportunity?.Id ?? null,
        ...this.leadCommon(),
      },
      {
        createdMs: Math.max(this.oldestMs, convertedMs - this.rng.int(1, 60) * DAY_MS),
        ownerId: String(contact.OwnerId),
      },
    );
    // Conversion was the lead's last change.
    record.LastModifiedDate = iso(convertedMs);
    record.SystemModstamp = iso(convertedMs);
    if (Date.parse(String(record.CreatedDate)) > convertedMs) record.CreatedDate = iso(convertedMs);
  }
}

/** The demo org: six users and about 2,200 records per unit of `scale`, identical for a given seed. */
export function generateSalesforceSeed(options: SeedOptions = {}): SeedData {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0)
    throw new RangeError(`scale must be > 0, got ${scale}`);
  const builder = new SalesforceSeedBuilder(
    options.seed ?? DEFAULT_SEED,
    scale,
    options.baseDate ?? SEED_BASE_DATE,
  );
  builder.build();
  seedCustomFieldValues(
    builder.records,
    options.seed ?? DEFAULT_SEED,
    new Date(options.baseDate ?? SEED_BASE_DATE).getTime(),
  );
  return { users: DEMO_USERS.map((u) => ({ ...u })), records: builder.records };
}
