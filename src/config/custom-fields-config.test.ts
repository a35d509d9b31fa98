import { problemsOf } from '../../test/helpers/config-problems';
import { loadConfig } from './load-config';

describe('CUSTOM_FIELDS', () => {
  it('defaults to auto; none and a list of Object.Field__c are accepted', () => {
    expect(loadConfig({}).customFields).toEqual({ mode: 'auto' });
    expect(loadConfig({ CUSTOM_FIELDS: 'none' }).customFields).toEqual({ mode: 'none' });
    expect(
      loadConfig({ CUSTOM_FIELDS: ' account.Region__c , Opportunity.ns__Partner_Account__c ' })
        .customFields,
    ).toEqual({
      mode: 'list',
      fields: ['Account.Region__c', 'Opportunity.ns__Partner_Account__c'],
    });
  });

  it('lists every malformed entry: unknown objects, standard or malformed names', () => {
    const problems = problemsOf({
      CUSTOM_FIELDS: 'Account.Region__c,Case.Foo__c,Account.Name,Lead.Bad Name__c,Contact',
    });
    expect(problems.filter((p) => p.startsWith('CUSTOM_FIELDS'))).toEqual([
      expect.stringContaining('"Case.Foo__c"'),
      expect.stringContaining('"Account.Name"'),
      expect.stringContaining('"Lead.Bad Name__c"'),
      expect.stringContaining('"Contact"'),
    ]);
  });
});
