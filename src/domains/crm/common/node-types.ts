import type { SalesforceRecord, SObjectName } from '../../../upstreams/salesforce/soql';
import type { Node } from '../../shared/node.interface';
import { Account } from '../account/account.type';
import { Contact } from '../contact/contact.type';
import { Lead } from '../lead/lead.type';
import { Opportunity } from '../opportunity/opportunity.type';
import { User } from '../user/user.type';
import { toDomainObject } from './record-mapper';

export const NODE_TYPES = {
  Account,
  Contact,
  Opportunity,
  Lead,
  User,
} satisfies Record<SObjectName, new () => Node>;

export type NodeOf<S extends SObjectName> = InstanceType<(typeof NODE_TYPES)[S]>;

/** The domain object (Account, Contact, ...) for a record of `sobject`. */
export function toNode<S extends SObjectName>(sobject: S, record: SalesforceRecord): NodeOf<S> {
  const Type: new () => object = NODE_TYPES[sobject];
  return toDomainObject(Type, sobject, record) as NodeOf<S>;
}
