import { graphFieldName } from './graph-field-names';

describe('graphFieldName', () => {
  it.each([
    ['Opportunity', 'StageName', 'stageName'],
    ['Opportunity', 'Probability', 'probability'],
    ['Opportunity', 'CloseDate', 'closeDate'],
    ['Opportunity', 'AccountId', 'accountId'],
    ['Contact', 'LastName', 'lastName'],
    ['Contact', 'MailingCity', 'mailingAddress'],
    ['Account', 'BillingPostalCode', 'billingAddress'],
    ['Account', 'ParentId', 'parentId'],
    ['Account', 'OwnerId', 'ownerId'],
    ['Lead', 'Company', 'company'],
    ['Opportunity', 'stagename', 'stageName'],
  ] as const)('%s.%s → %s', (object, soql, graph) => {
    expect(graphFieldName(object, soql)).toBe(graph);
  });

  it('answers undefined for fields the graph does not expose', () => {
    expect(graphFieldName('Opportunity', 'Custom_Field__c')).toBeUndefined();
    expect(graphFieldName('Account', 'StageName')).toBeUndefined();
  });
});
