import { stripeErrors } from '../model/stripe-error';
import { newCustomer, type CustomerObject } from '../model/stripe-objects';
import type { StripeStore } from '../model/stripe-store';
import { compileSearch, type SearchableResource } from '../search/search-fields';
import { parseSearchQuery } from '../search/search-query';
import type { ApiRequest, ApiRoute } from './api-route';
import { createdFilter } from './created-filter';
import { checkExpansions } from './expansion';
import { listPage, searchPage } from './pagination';
import type { RequestParams } from './request-params';

/** Query fields for customers (https://docs.stripe.com/search#query-fields-for-customers). */
export const CUSTOMER_SEARCH: SearchableResource<CustomerObject> = {
  resource: 'customers',
  fields: {
    created: { kind: 'number', read: (c) => c.created },
    email: { kind: 'string', read: (c) => c.email },
    name: { kind: 'string', read: (c) => c.name },
    phone: { kind: 'string', read: (c) => c.phone },
  },
  metadata: (c) => c.metadata,
};

export function requireCustomer(store: StripeStore, id: string, param = 'id'): CustomerObject {
  const customer = store.customers.get(id);
  if (!customer) throw stripeErrors.noSuchObject('customer', id, param);
  return customer;
}

function applyWritableFields(params: RequestParams, customer: CustomerObject): void {
  const name = params.nullableString('name');
  const email = params.nullableString('email');
  const phone = params.nullableString('phone');
  const description = params.nullableString('description');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw stripeErrors.invalidValue('email', `Invalid email address: ${email}`, 'email_invalid');
  const metadata = params.metadataUpdate(customer.metadata);
  if (name !== undefined) customer.name = name;
  if (email !== undefined) customer.email = email;
  if (phone !== undefined) customer.phone = phone;
  if (description !== undefined) customer.description = description;
  if (metadata !== undefined) customer.metadata = metadata;
}

export const customerRoutes: ApiRoute[] = [
  {
    method: 'GET',
    pattern: '/v1/customers/search',
    handle: ({ store, params, path }: ApiRequest) => {
      const query = params.requiredString('query');
      const expand = checkExpansions(params.stringList('expand'), ['total_count']);
      const matches = compileSearch(parseSearchQuery(query), CUSTOMER_SEARCH);
      const found = store.customers.newestFirst().filter(matches);
      const page = searchPage(found, query, params, path, expand.has('total_count'));
      params.assertNoneLeft();
      return page;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers',
    handle: ({ store, params, path }: ApiRequest) => {
      const email = params.string('email');
      const created = createdFilter(params);
      checkExpansions(params.stringList('expand'), []);
      const matching = store.customers
        .newestFirst()
        .filter((c) => (email === undefined || c.email === email) && created(c.created));
      const page = listPage(matching, params, path, 'customer');
      params.assertNoneLeft();
      return page;
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers',
    handle: ({ store, params }: ApiRequest) => {
      checkExpansions(params.stringList('expand'), []);
      const customer = newCustomer({ id: store.newId('cus', 14), created: store.nowSeconds() });
      applyWritableFields(params, customer);
      params.assertNoneLeft();
      return store.customers.insert(customer);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers/:id',
    handle: ({ store, params, pathParams }: ApiRequest) => {
      checkExpansions(params.stringList('expand'), []);
      params.assertNoneLeft();
      return requireCustomer(store, pathParams.id as string);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers/:id',
    handle: ({ store, params, pathParams }: ApiRequest) => {
      const customer = requireCustomer(store, pathParams.id as string);
      checkExpansions(params.stringList('expand'), []);
      const draft = structuredClone(customer);
      applyWritableFields(params, draft);
      params.assertNoneLeft();
      Object.assign(customer, draft);
      return customer;
    },
  },
];
