import { ACCOUNT_OBJECT } from '../metadata/account.object';
import { CONTACT_OBJECT } from '../metadata/contact.object';
import type { ChangeEvent } from '../model/types';
import { buildChangeEventBody } from './change-event-body';

function change(partial: Partial<ChangeEvent>): ChangeEvent {
  return {
    entityName: 'Account',
    changeType: 'UPDATE',
    recordIds: ['001000000000001AAA'],
    changedFields: [],
    values: {},
    transactionKey: 'tx',
    commitTimestamp: 0,
    commitUserId: '005000000000001AAA',
    ...partial,
  };
}

describe('buildChangeEventBody', () => {
  it('nests address parts under the compound field and drops system-only fields', () => {
    const body = buildChangeEventBody(
      change({
        changedFields: ['BillingCity', 'BillingStreet', 'SystemModstamp', 'IsDeleted', 'Phone'],
        values: {
          BillingCity: 'Paris',
          BillingStreet: null,
          SystemModstamp: 'x',
          IsDeleted: false,
          Phone: '1',
        },
      }),
      ACCOUNT_OBJECT,
    );
    expect(body.fields).toEqual({ BillingAddress: { City: 'Paris', Street: null }, Phone: '1' });
    expect(body.changedFields).toEqual(['BillingAddress.City', 'BillingAddress.Street', 'Phone']);
  });

  it("replaces a person's derived Name with the compound of its parts", () => {
    const body = buildChangeEventBody(
      change({
        entityName: 'Contact',
        changeType: 'CREATE',
        changedFields: ['FirstName', 'LastName', 'Name', 'MailingCountry'],
        values: { FirstName: 'Ada', LastName: 'L', Name: 'Ada L', MailingCountry: 'UK' },
      }),
      CONTACT_OBJECT,
    );
    expect(body.fields).toEqual({
      Name: { FirstName: 'Ada', LastName: 'L' },
      MailingAddress: { Country: 'UK' },
    });
    // changedFields is for updates only.
    expect(body.changedFields).toEqual([]);
  });

  it('keeps Account Name flat (not a person) and sends nothing for a delete', () => {
    expect(
      buildChangeEventBody(
        change({ changedFields: ['Name'], values: { Name: 'A' } }),
        ACCOUNT_OBJECT,
      ),
    ).toEqual({ changedFields: ['Name'], fields: { Name: 'A' } });
    expect(
      buildChangeEventBody(
        change({ changeType: 'DELETE', changedFields: ['Name'], values: { Name: 'A' } }),
        ACCOUNT_OBJECT,
      ),
    ).toEqual({ changedFields: [], fields: {} });
  });
});
