import { parseApiUsage, salesforceEndpoint } from './salesforce-endpoints';

const ORG = 'https://acme.my.salesforce.com';
const DATA = `${ORG}/services/data/v59.0`;

describe('salesforceEndpoint', () => {
  it.each([
    ['GET', `${DATA}/query?q=SELECT+Id+FROM+Account+WHERE+Id+%3D+'001000000000001AAA'`, 'query'],
    ['GET', `${DATA}/queryAll?q=SELECT+Id+FROM+Account`, 'query_all'],
    ['GET', `${DATA}/query/01gD0000002HU6KIAW-2000`, 'query_more'],
    ['GET', `${DATA}/queryAll/01gD0000002HU6KIAW-2000`, 'query_more'],
    ['GET', `${DATA}/sobjects/Account/001000000000001AAA`, 'sobject_retrieve'],
    ['PATCH', `${DATA}/sobjects/Account/001000000000001AAA`, 'sobject_update'],
    ['DELETE', `${DATA}/sobjects/Account/001000000000001AAA`, 'sobject_delete'],
    ['POST', `${DATA}/sobjects/Account`, 'sobject_create'],
    ['GET', `${DATA}/sobjects/Account`, 'sobject_info'],
    ['GET', `${DATA}/sobjects/Account/describe`, 'describe'],
    ['GET', `${DATA}/sobjects`, 'describe_global'],
    [
      'GET',
      `${DATA}/sobjects/Account/Stripe_Customer_Id__c/cus_123`,
      'sobject_retrieve_by_external_id',
    ],
    ['PATCH', `${DATA}/sobjects/Account/Stripe_Customer_Id__c/cus_123`, 'sobject_upsert'],
    ['POST', `${DATA}/composite/sobjects/Account`, 'composite_retrieve'],
    ['POST', `${DATA}/composite/sobjects`, 'composite_create'],
    ['PATCH', `${DATA}/composite/sobjects`, 'composite_update'],
    [
      'DELETE',
      `${DATA}/composite/sobjects?ids=001000000000001AAA,001000000000002AAA`,
      'composite_delete',
    ],
    ['PATCH', `${DATA}/composite/sobjects/Account/Stripe_Customer_Id__c`, 'composite_upsert'],
    ['POST', `${DATA}/composite/batch`, 'composite'],
    ['GET', `${DATA}/limits`, 'limits'],
    ['GET', `${DATA}/`, 'resources'],
    ['GET', `${DATA}/analytics/reports`, 'rest_other'],
    ['GET', `${ORG}/services/data`, 'versions'],
    ['POST', `${ORG}/services/oauth2/token`, 'oauth_token'],
    ['POST', `${ORG}/services/oauth2/revoke`, 'oauth_revoke'],
    ['GET', `${ORG}/services/oauth2/userinfo`, 'oauth_userinfo'],
    ['GET', `${ORG}/services/oauth2/authorize`, 'oauth_other'],
    ['GET', `${ORG}/id/00D000000000001AAA/005000000000001AAA`, 'identity'],
    ['POST', `${ORG}/services/Soap/u/59.0/00D000000000001`, 'soap'],
    ['POST', `${ORG}/cometd/59.0`, 'cometd'],
    ['GET', `${ORG}/something/else`, 'other'],
    ['GET', 'not a url', 'other'],
  ])('%s %s → %s', (method, url, endpoint) => {
    expect(salesforceEndpoint(method, url)).toBe(endpoint);
  });
});

describe('parseApiUsage', () => {
  it('reads Sforce-Limit-Info', () => {
    expect(parseApiUsage('api-usage=18/15000')).toEqual({ used: 18, max: 15000 });
    expect(parseApiUsage('per-app-api-usage=2/500(appName=x), api-usage=7/100000')).toEqual({
      used: 7,
      max: 100000,
    });
  });

  it('ignores a missing or foreign header', () => {
    expect(parseApiUsage(undefined)).toBeUndefined();
    expect(parseApiUsage('per-app-api-usage=2/500(appName=x)')).toBeUndefined();
    expect(parseApiUsage('garbage')).toBeUndefined();
  });
});
