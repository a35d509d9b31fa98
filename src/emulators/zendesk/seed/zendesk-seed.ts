import { DEFAULT_SEED, SEED_BASE_DATE, SeededRandom, generateSalesforceSeed } from '../../seed';
import type { SObjectRecord } from '../../salesforce/model/types';
import type { Organization, Ticket, User, ZendeskData } from '../model/types';
import { DEMO_ZENDESK_ADMIN, DEMO_ZENDESK_AGENTS } from './demo-staff';
import { organizationRecord, userRecord } from './record-factory';
import { drawTicket, type Profile } from './ticket-draw';
import { ORGANIZATION_TAGS, ZENDESK_ONLY_ORGANIZATIONS } from './ticket-pools';

export interface ZendeskSeedOptions {
  /** The Salesforce seed's scale and seed: the accounts and contacts this account mirrors. */
  scale?: number;
  seed?: number;
  /** The "as of" moment of every date (default the Salesforce seed's base date). */
  baseDate?: Date | string;
}

const DAY_MS = 86_400_000;
/** Mixed into the Salesforce seed so Zendesk's draws do not repeat Salesforce's. */
const ZENDESK_SALT = 0x2e9d35;
/** Share of accounts without `Zendesk_Organization_Id__c` whose organization carries `external_id`. */
const FALLBACK_SHARE = 0.35;
/** The first id-linked account's organization: enough tickets for several cursor pages. */
const FLAGSHIP_TICKETS = 150;

const PROFILE_WEIGHTS: ReadonlyArray<readonly [Profile, number]> = [
  ['quiet', 15],
  ['healthy', 25],
  ['busy', 40],
  ['escalated', 20],
];
/** The first organizations get each profile in turn, so every health outcome occurs at any scale. */
const FORCED_PROFILES: readonly Profile[] = ['escalated', 'busy', 'healthy', 'quiet'];
interface LinkedOrganization {
  organization: Organization;
  account: SObjectRecord;
}

/**
 * The demo Zendesk account, derived from the Salesforce demo org: accounts with
 * `Zendesk_Organization_Id__c` get an organization with exactly that id; some accounts without
 * it get one whose `external_id` is the Account Id (the fallback link); the rest have none.
 * Contacts with an email become end users (requesters) with that email.
 */
class ZendeskSeedBuilder {
  private readonly rng: SeededRandom;
  private readonly baseMs: number;
  private readonly organizations: Organization[] = [];
  private readonly users: User[] = [];
  private readonly emails = new Set<string>();
  private readonly names = new Set<string>();
  private readonly pending: Array<Omit<Ticket, 'id'>> = [];
  private userCounter = 0;
  private orgCounter = 0;

  constructor(
    private readonly accounts: SObjectRecord[],
    private readonly contactsByAccount: Map<string | null, SObjectRecord[]>,
    seed: number,
    baseDate: Date | string,
  ) {
    this.rng = new SeededRandom((seed ^ ZENDESK_SALT) >>> 0);
    this.baseMs = new Date(baseDate).getTime();
    if (Number.isNaN(this.baseMs)) throw new Error(`baseDate is not a date: ${String(baseDate)}`);
  }

  build(): ZendeskData {
    this.staff();
    const linked: LinkedOrganization[] = [];
    for (const account of this.accounts) {
      const linkId = account.Zendesk_Organization_Id__c;
      if (typeof linkId === 'string' && linkId !== '') {
        linked.push({ account, organization: this.organization(account, Number(linkId), null) });
      } else if (this.rng.chance(FALLBACK_SHARE)) {
        const id = 361000000000 + ++this.orgCounter * 13;
        linked.push({ account, organization: this.organization(account, id, account.Id) });
      } else {
        this.unlinkedAccount(account);
      }
    }
    linked.forEach((link, index) => this.organizationTickets(link, index));
    this.zendeskOnlyOrganizations();
    const tickets = this.pending
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .map((ticket, index) => ({ id: index + 1, ...ticket }));
    return { organizations: this.organizations, users: this.users, tickets };
  }

  private staff(): void {
    const createdMs = this.baseMs - 900 * DAY_MS;
    this.users.push(
      userRecord({
        ...DEMO_ZENDESK_ADMIN,
        role: 'admin',
        organizationId: null,
        phone: null,
        createdMs,
        updatedMs: this.baseMs - DAY_MS,
      }),
    );
    this.emails.add(DEMO_ZENDESK_ADMIN.email);
    for (const agent of DEMO_ZENDESK_AGENTS) {
      this.users.push(
        userRecord({
          ...agent,
          role: 'agent',
          organizationId: null,
          phone: null,
          createdMs,
          updatedMs: this.baseMs - 2 * DAY_MS,
        }),
      );
      this.emails.add(agent.email);
    }
  }

  private organization(
    account: SObjectRecord,
    id: number,
    externalId: string | null,
  ): Organization {
    const createdMs = Math.max(Date.parse(String(account.CreatedDate)), this.baseMs - 700 * DAY_MS);
    const website = typeof account.Website === 'string' ? account.Website : null;
    const organization = organizationRecord({
      id,
      name: this.uniqueName(String(account.Name)),
      externalId,
      createdMs,
      updatedMs: createdMs + this.rng.int(0, 60) * DAY_MS,
      domainNames: website ? [website.replace(/^https:\/\/www\./, '')] : [],
      tags: this.rng.chance(0.6) ? [this.rng.pick(ORGANIZATION_TAGS)] : [],
    });
    this.organizations.push(organization);
    return organization;
  }

  /** Zendesk organization names are unique; Salesforce allows duplicates. */
  private uniqueName(name: string): string {
    let candidate = name;
    for (let n = 2; this.names.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
    this.names.add(candidate.toLowerCase());
    return candidate;
  }

  private endUser(contact: SObjectRecord, organizationId: number | null): User | undefined {
    const email = typeof contact.Email === 'string' ? contact.Email.toLowerCase() : '';
    if (email === '' || this.emails.has(email)) return undefined;
    this.emails.add(email);
    const createdMs = Date.parse(String(contact.CreatedDate));
    const user = userRecord({
      id: 372000000000 + ++this.userCounter * 11,
      name: [contact.FirstName, contact.LastName].filter((p) => typeof p === 'string').join(' '),
      email,
      role: 'end-user',
      organizationId,
      phone: typeof contact.Phone === 'string' ? contact.Phone : null,
      createdMs,
      updatedMs: Math.min(this.baseMs, createdMs + this.rng.int(0, 120) * DAY_MS),
    });
    this.users.push(user);
    return user;
  }

  /** A requester who is not a Salesforce contact (someone at the company wrote in). */
  private strangerUser(organization: Organization): User {
    const domain = organization.domain_names[0] ?? 'example.net';
    let email = `helpdesk@${domain}`;
    for (let n = 2; this.emails.has(email); n++) email = `helpdesk${n}@${domain}`;
    this.emails.add(email);
    const createdMs = Date.parse(organization.created_at);
    const user = userRecord({
      id: 372000000000 + ++this.userCounter * 11,
      name: `${organization.name} Helpdesk`,
      email,
      role: 'end-user',
      organizationId: organization.id,
      phone: null,
      createdMs,
      updatedMs: createdMs,
    });
    this.users.push(user);
    return user;
  }

  private organizationTickets({ organization, account }: LinkedOrganization, index: number): void {
    const contacts = this.contactsByAccount.get(account.Id) ?? [];
    const requesters = contacts
      .map((c) => this.endUser(c, organization.id))
      .filter((u): u is User => u !== undefined);
    const profile = FORCED_PROFILES[index] ?? this.rng.weighted(PROFILE_WEIGHTS);
    const count =
      index === 0
        ? FLAGSHIP_TICKETS
        : {
            quiet: 0,
            healthy: this.rng.int(2, 6),
            busy: this.rng.int(5, 20),
            escalated: this.rng.int(5, 25),
          }[profile];
    if (count === 0) return;
    if (requesters.length === 0) requesters.push(this.strangerUser(organization));
    for (let i = 0; i < count; i++) {
      const requester = this.rng.pick(requesters);
      // The first ticket of an escalated organization is the urgent open one.
      const urgentOpen = profile === 'escalated' && i === 0;
      this.ticket(requester, organization.id, profile, urgentOpen);
    }
  }

  /** Contacts of an unlinked account may still write in: tickets without an organization. */
  private unlinkedAccount(account: SObjectRecord): void {
    for (const contact of this.contactsByAccount.get(account.Id) ?? []) {
      if (!this.rng.chance(0.3)) continue;
      const user = this.endUser(contact, null);
      if (!user) continue;
      const count = this.rng.int(0, 3);
      for (let i = 0; i < count; i++) this.ticket(user, null, 'busy', false);
    }
  }

  private zendeskOnlyOrganizations(): void {
    for (const name of ZENDESK_ONLY_ORGANIZATIONS) {
      const id = 361000000000 + ++this.orgCounter * 13;
      const createdMs = this.baseMs - this.rng.int(100, 600) * DAY_MS;
      const organization = organizationRecord({
        id,
        name: this.uniqueName(name),
        externalId: null,
        createdMs,
        updatedMs: createdMs,
        domainNames: [],
        tags: [],
      });
      this.organizations.push(organization);
      const requester = this.strangerUser(organization);
      const count = this.rng.int(1, 4);
      for (let i = 0; i < count; i++) this.ticket(requester, id, 'busy', false);
    }
  }

  private ticket(
    requester: User,
    organizationId: number | null,
    profile: Profile,
    urgentOpen: boolean,
  ): void {
    this.pending.push(
      drawTicket(this.rng, this.baseMs, { requester, organizationId, profile, urgentOpen }),
    );
  }
}

/** The demo account: identical for the same (scale, seed, baseDate), linked to the Salesforce seed. */
export function generateZendeskSeed(options: ZendeskSeedOptions = {}): ZendeskData {
  const seed = options.seed ?? DEFAULT_SEED;
  const baseDate = options.baseDate ?? SEED_BASE_DATE;
  const salesforce = generateSalesforceSeed({ scale: options.scale, seed, baseDate });
  const accounts = salesforce.records
    .filter((r) => r.objectName === 'Account')
    .map((r) => r.record);
  const contactsByAccount = new Map<string | null, SObjectRecord[]>();
  for (const { objectName, record } of salesforce.records) {
    if (objectName !== 'Contact') continue;
    const key = typeof record.AccountId === 'string' ? record.AccountId : null;
    contactsByAccount.set(key, [...(contactsByAccount.get(key) ?? []), record]);
  }
  return new ZendeskSeedBuilder(accounts, contactsByAccount, seed, baseDate).build();
}
