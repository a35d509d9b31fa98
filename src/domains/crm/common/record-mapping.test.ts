import 'reflect-metadata';
import { makeId } from '../../../emulators/salesforce/model/ids';
import { Account } from '../account/account.type';
import { toFilterInput, toOrderByInput } from './filter-input';
import { objectForId } from './key-prefixes';
import { toNode } from './node-types';
import { toRecordPayload } from './record-payload';
import { originOf } from './record-mapper';
import { hasPaths } from './resolve-parent';
import { fromSalesforce, parseSalesforceDateTime } from './salesforce-values';

const accountId = makeId('001', 7);

describe('toNode', () => {
  it('maps API names to fields, datetimes to instants and the billing parts to an Address', () => {
    const record = {
      Id: accountId,
      attributes: { type: 'Account' },
      Name: 'Acme',
      AnnualRevenue: 1200.5,
      CreatedDate: '2024-03-01T10:15:00.000+0000',
      BillingCity: 'Lyon',
      BillingStreet: null,
      BillingState: null,
      BillingPostalCode: null,
      BillingCountry: 'FR',
    };
    const account = toNode('Account', record);
    expect(account).toBeInstanceOf(Account);
    expect(account).toMatchObject({ id: accountId, name: 'Acme', annualRevenue: 1200.5 });
    expect(account.createdDate.toISOString()).toBe('2024-03-01T10:15:00.000Z');
    expect(account.billingAddress).toEqual({
      street: null,
      city: 'Lyon',
      state: null,
      postalCode: null,
      country: 'FR',
    });
    expect(originOf(account)).toEqual({ sobject: 'Account', record });
  });

  it('leaves unselected fields unset and an all-null address null', () => {
    const account = toNode('Account', {
      Id: accountId,
      BillingCity: null,
      BillingStreet: null,
      BillingState: null,
      BillingPostalCode: null,
      BillingCountry: null,
    });
    expect(account.billingAddress).toBeNull();
    expect(account.name).toBeUndefined();
  });
});

describe('salesforce values', () => {
  it('reads Salesforce +0000 offsets and rejects garbage', () => {
    expect(parseSalesforceDateTime('2024-01-02T03:04:05.000-0130')?.toISOString()).toBe(
      '2024-01-02T04:34:05.000Z',
    );
    expect(parseSalesforceDateTime('not a date')).toBeNull();
    expect(fromSalesforce('date', '2024-02-29')).toBe('2024-02-29');
    expect(fromSalesforce('boolean', null)).toBeNull();
  });
});

describe('hasPaths', () => {
  it('needs every path, a null parent answering its sub-paths', () => {
    const record = { Id: 'x', Account: { Id: 'a', Name: 'A', Owner: null } };
    expect(hasPaths(record, ['Id', 'Account.Name', 'Account.Owner.Name'])).toBe(true);
    expect(hasPaths(record, ['Account.Industry'])).toBe(false);
    expect(hasPaths({ Id: 'x' }, ['Account.Id'])).toBe(false);
  });
});

describe('toFilterInput', () => {
  it('turns class instances into plain filters with date and datetime literals', () => {
    class Filter {
      closeDate = { gte: new Date('2024-05-01T00:00:00.000Z') };
      createdDate = { lt: new Date('2024-05-01T12:00:00.000Z'), relative: undefined };
      and = [{ stageName: { in: ['Closed Won'] } }];
      not = { amount: { gt: 5 } };
    }
    expect(toFilterInput('Opportunity', new Filter())).toEqual({
      closeDate: { gte: '2024-05-01' },
      createdDate: { lt: '2024-05-01T12:00:00.000Z' },
      and: [{ stageName: { in: ['Closed Won'] } }],
      not: { amount: { gt: 5 } },
    });
    expect(toFilterInput('Opportunity', null)).toBeNull();
  });

  it('defaults sort directions and keeps nulls ordering', () => {
    expect(
      toOrderByInput([
        { field: 'AMOUNT', nulls: 'LAST' },
        { field: 'NAME', direction: 'DESC' },
      ]),
    ).toEqual([
      { field: 'AMOUNT', direction: 'ASC', nulls: 'LAST' },
      { field: 'NAME', direction: 'DESC', nulls: null },
    ]);
  });
});

describe('toRecordPayload', () => {
  it('maps inputs to API names, address parts, 18-char ids and date literals', () => {
    const payload = toRecordPayload(
      'Account',
      {
        name: 'Acme',
        parentId: accountId.slice(0, 15),
        billingAddress: { city: 'Oslo', country: null },
        phone: undefined,
      },
      ['name'],
    );
    expect(payload).toEqual({
      Name: 'Acme',
      ParentId: accountId,
      BillingCity: 'Oslo',
      BillingCountry: null,
    });
    expect(
      toRecordPayload('Opportunity', { closeDate: new Date('2024-12-31T00:00:00Z') }, []),
    ).toEqual({
      CloseDate: '2024-12-31',
    });
  });

  it('rejects blank required strings and malformed ids as BAD_USER_INPUT, leaving null to Salesforce', () => {
    const code = (work: () => unknown): unknown => {
      try {
        work();
      } catch (error) {
        return (error as { extensions?: { code?: unknown } }).extensions?.code;
      }
      return 'no error';
    };
    expect(code(() => toRecordPayload('Account', { name: '  ' }, ['name']))).toBe('BAD_USER_INPUT');
    expect(toRecordPayload('Account', { name: null }, ['name'])).toEqual({ Name: null });
    expect(code(() => toRecordPayload('Contact', { accountId: 'nope' }, []))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('objectForId', () => {
  it('names the object by key prefix', () => {
    expect(objectForId(makeId('00Q', 1))).toBe('Lead');
    expect(objectForId(makeId('005', 1))).toBe('User');
    expect(objectForId(makeId('500', 1))).toBeNull();
  });
});
