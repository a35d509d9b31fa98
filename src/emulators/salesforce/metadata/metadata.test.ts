import {
  STAGE_PROBABILITIES,
  STANDARD_OBJECTS,
  findField,
  findObject,
  isRequiredOnCreate,
} from './index';

const required = (objectName: string): string[] => {
  const def = findObject(objectName);
  if (!def) throw new Error(`missing ${objectName}`);
  return def.fields.filter(isRequiredOnCreate).map((f) => f.name);
};

const field = (objectName: string, fieldName: string) => {
  const def = findObject(objectName);
  const f = def && findField(def, fieldName);
  if (!f) throw new Error(`missing ${objectName}.${fieldName}`);
  return f;
};

describe('standard object metadata', () => {
  it('models the five CRM objects and the three sync targets with their key prefixes', () => {
    expect(STANDARD_OBJECTS.map((o) => [o.name, o.keyPrefix])).toEqual([
      ['User', '005'],
      ['Account', '001'],
      ['Contact', '003'],
      ['Opportunity', '006'],
      ['Lead', '00Q'],
      ['Case', '500'],
      ['Stripe_Payment__c', 'a0A'],
      ['QuickBooks_Invoice__c', 'a0B'],
    ]);
  });

  it('looks objects and fields up case-insensitively', () => {
    expect(findObject('opportunity')?.name).toBe('Opportunity');
    expect(findObject('Foo')).toBeUndefined();
    expect(field('account', 'annualrevenue').name).toBe('AnnualRevenue');
  });

  it('derives required-on-create fields from nillable/createable/defaulted', () => {
    expect(required('Account')).toEqual(['Name']);
    expect(required('Contact')).toEqual(['LastName']);
    expect(required('Opportunity')).toEqual(['Name', 'StageName', 'CloseDate']);
    expect(required('Lead')).toEqual(['LastName', 'Company']);
  });

  it('reports Salesforce flags per field type', () => {
    expect(field('Account', 'Description')).toMatchObject({ filterable: false, sortable: false });
    expect(field('Account', 'BillingStreet')).toMatchObject({ filterable: true, sortable: true });
    expect(field('Account', 'BillingAddress')).toMatchObject({
      type: 'address',
      filterable: false,
    });
    expect(field('Account', 'BillingCity').compoundFieldName).toBe('BillingAddress');
    expect(field('Opportunity', 'Amount').groupable).toBe(false);
    expect(field('Opportunity', 'CreatedDate').groupable).toBe(false);
    expect(field('Opportunity', 'CloseDate').groupable).toBe(true);
    expect(field('Opportunity', 'Product_Interest__c')).toMatchObject({
      type: 'multipicklist',
      sortable: false,
      groupable: false,
      custom: true,
    });
    expect(field('Contact', 'Name')).toMatchObject({ calculated: true, createable: false });
    expect(field('Opportunity', 'IsWon')).toMatchObject({ createable: false, updateable: false });
  });

  it('links references and child relationships', () => {
    expect(field('Account', 'ParentId')).toMatchObject({
      relationshipName: 'Parent',
      referenceTo: ['Account'],
    });
    expect(field('Lead', 'ConvertedOpportunityId').relationshipName).toBe('ConvertedOpportunity');
    expect(field('Contact', 'OwnerId').referenceTo).toEqual(['User']);
    expect(findObject('Account')?.childRelationships.map((c) => c.relationshipName)).toEqual([
      'ChildAccounts',
      'Contacts',
      'Opportunities',
      'Cases',
      'Stripe_Payments__r',
      'QuickBooks_Invoices__r',
    ]);
  });

  it('keys each sync target by a unique external Id and looks its Account up', () => {
    expect(field('Stripe_Payment__c', 'Stripe_Payment_Id__c')).toMatchObject({
      externalId: true,
      unique: true,
    });
    expect(field('QuickBooks_Invoice__c', 'QuickBooks_Invoice_Id__c').externalId).toBe(true);
    expect(field('Case', 'Zendesk_Ticket_Id__c').externalId).toBe(true);
    expect(field('Stripe_Payment__c', 'Account__c')).toMatchObject({
      relationshipName: 'Account__r',
      referenceTo: ['Account'],
    });
    expect(required('Stripe_Payment__c')).toEqual(['Name']);
    expect(required('Case')).toEqual([]);
  });

  it('marks the service link fields as unique external ids', () => {
    expect(field('Account', 'Stripe_Customer_Id__c')).toMatchObject({
      externalId: true,
      unique: true,
      nillable: true,
      custom: true,
      type: 'string',
    });
  });

  it('exports the default stage probabilities', () => {
    expect(STAGE_PROBABILITIES['Negotiation/Review']).toBe(90);
    expect(STAGE_PROBABILITIES['Closed Lost']).toBe(0);
    expect(Object.keys(STAGE_PROBABILITIES)).toHaveLength(10);
  });
});
