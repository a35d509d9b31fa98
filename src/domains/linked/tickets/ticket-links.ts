import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import type { Account } from '../../crm/account/account.type';
import type { Contact } from '../../crm/contact/contact.type';
import { KEY_PREFIXES } from '../../crm/common/key-prefixes';
import { toNode } from '../../crm/common/node-types';
import { originOf } from '../../crm/common/record-mapper';
import { loadNode } from '../../crm/common/resolve-by-id';
import { selectedFields } from '../../crm/common/selected-fields';
import type { Ticket } from './ticket.type';

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Whether the Account (Contact) a ticket was reached through already holds every field the
 * back-link selects: then it is answered as is, without reading it again.
 */
function holdsSelection(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  sobject: 'Account' | 'Contact',
  node: Account | Contact,
): boolean {
  const record = originOf(node).record;
  return selectedFields(info, sobject, false, ctx.linkFields).every((field) => field in record);
}

/** The requester's email: known when reached through a Contact, else the user (batched `show_many`). */
export async function ticketRequesterEmail(
  ctx: GatewayContext,
  ticket: Ticket,
): Promise<string | null> {
  if (ticket.origin.requesterEmail !== undefined) return ticket.origin.requesterEmail;
  const user = await ctx.linked.zendesk.userById.load(ticket.requesterId);
  return user?.email?.toLowerCase() ?? null;
}

/**
 * The ticket's Account: the one it was reached through; else the Account whose link field
 * holds the ticket's organization; else the Account whose Id is the organization's
 * `external_id`, provided that Account has no link field of its own (it then belongs to the
 * organization it names).
 */
export async function ticketAccount(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  ticket: Ticket,
): Promise<Account | null> {
  const known = ticket.origin.account;
  if (known !== undefined) {
    return holdsSelection(ctx, info, 'Account', known)
      ? known
      : loadNode(ctx, info, 'Account', known.id);
  }
  if (ticket.organizationId === null) return null;
  const linkField = ctx.linkFields.zendeskOrganization;
  const fields = [
    ...new Set([...selectedFields(info, 'Account', false, ctx.linkFields), linkField]),
  ];
  const salesforce = ctx.loaders.salesforce;
  const linked = await salesforce
    .recordByField('Account', linkField, fields)
    .load(String(ticket.organizationId));
  if (linked) return toNode('Account', linked);
  const organization = await ctx.linked.zendesk.organizationById.load(ticket.organizationId);
  const externalId = organization?.external_id ?? null;
  if (
    externalId === null ||
    !SALESFORCE_ID.test(externalId) ||
    !externalId.startsWith(KEY_PREFIXES.Account)
  )
    return null;
  const record = await salesforce.recordById('Account', fields).load(externalId);
  if (!record || text(record[linkField]) !== null) return null;
  return toNode('Account', record);
}

/** The Contact whose Email is the requester's (the one reached through, when so). */
export async function ticketContact(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  ticket: Ticket,
): Promise<Contact | null> {
  const known = ticket.origin.contact;
  if (known !== undefined) {
    return holdsSelection(ctx, info, 'Contact', known)
      ? known
      : loadNode(ctx, info, 'Contact', known.id);
  }
  const email = await ticketRequesterEmail(ctx, ticket);
  if (email === null) return null;
  const fields = [...new Set([...selectedFields(info, 'Contact', false, ctx.linkFields), 'Email'])];
  const record = await ctx.loaders.salesforce.recordByField('Contact', 'Email', fields).load(email);
  return record ? toNode('Contact', record) : null;
}
