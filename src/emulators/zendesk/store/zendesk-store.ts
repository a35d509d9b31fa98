import type { Organization, Ticket, User, ZendeskData } from '../model/types';

/** The emulated account's records, indexed for the API's lookups; `reset` restores the seed. */
export class ZendeskStore {
  private data!: ZendeskData;
  private organizationsById = new Map<number, Organization>();
  private usersById = new Map<number, User>();
  private usersByEmail = new Map<string, User>();
  private ticketsById = new Map<number, Ticket>();

  constructor(private readonly seed: () => ZendeskData) {
    this.reset();
  }

  reset(): void {
    this.data = this.seed();
    this.organizationsById = new Map(this.data.organizations.map((o) => [o.id, o]));
    this.usersById = new Map(this.data.users.map((u) => [u.id, u]));
    this.usersByEmail = new Map(this.data.users.map((u) => [u.email.toLowerCase(), u]));
    this.ticketsById = new Map(this.data.tickets.map((t) => [t.id, t]));
  }

  /** Every organization, by ascending id (the list endpoints' order). */
  organizations(): Organization[] {
    return [...this.data.organizations].sort((a, b) => a.id - b.id);
  }

  users(): User[] {
    return [...this.data.users].sort((a, b) => a.id - b.id);
  }

  tickets(): Ticket[] {
    return [...this.data.tickets].sort((a, b) => a.id - b.id);
  }

  organization(id: number): Organization | undefined {
    return this.organizationsById.get(id);
  }

  user(id: number): User | undefined {
    return this.usersById.get(id);
  }

  /** Zendesk matches emails case-insensitively. */
  userByEmail(email: string): User | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  ticket(id: number): Ticket | undefined {
    return this.ticketsById.get(id);
  }

  /** Adds a ticket made through the API with the next id (Zendesk ids only grow). */
  addTicket(values: Omit<Ticket, 'id'>): Ticket {
    const id = Math.max(0, ...this.ticketsById.keys()) + 1;
    const ticket: Ticket = { id, ...values };
    this.data.tickets.push(ticket);
    this.ticketsById.set(id, ticket);
    return ticket;
  }
}
