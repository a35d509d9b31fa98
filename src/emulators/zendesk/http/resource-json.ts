import type { Organization, Ticket, User } from '../model/types';

/** Each resource's JSON with its `url`, which Zendesk builds from the account's API address. */
export const ticketJson =
  (apiBase: string) =>
  (ticket: Ticket): Record<string, unknown> => ({
    url: `${apiBase}/tickets/${ticket.id}.json`,
    ...ticket,
  });

export const userJson =
  (apiBase: string) =>
  (user: User): Record<string, unknown> => ({ url: `${apiBase}/users/${user.id}.json`, ...user });

export const organizationJson =
  (apiBase: string) =>
  (organization: Organization): Record<string, unknown> => ({
    url: `${apiBase}/organizations/${organization.id}.json`,
    ...organization,
  });
