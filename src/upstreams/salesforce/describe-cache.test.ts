import type { DescribedField, SalesforceClient } from './client';
import { describedField } from '../../../test/helpers/described-field';
import { DescribeCache } from './describe-cache';
import type { SObjectName } from './soql';

const field = (name: string): DescribedField =>
  describedField(name, {
    type: 'picklist',
    picklistValues: [{ value: 'A', label: 'A', active: true, defaultValue: false }],
  });

/** A client whose describe answers from a queue of outcomes and counts its calls. */
function describingClient(outcomes: Array<DescribedField[] | Error>) {
  const calls: SObjectName[] = [];
  const client = {
    describeFields: (object: SObjectName) => {
      calls.push(object);
      const next = outcomes.shift() ?? [field('StageName')];
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  } as unknown as SalesforceClient;
  return { client, calls };
}

describe('DescribeCache', () => {
  it('describes an object once per scope, concurrent readers included', async () => {
    const cache = new DescribeCache();
    const { client, calls } = describingClient([]);
    const [a, b] = await Promise.all([
      cache.picklistFields('org:rep1', 'Opportunity', client),
      cache.picklistFields('org:rep1', 'Opportunity', client),
    ]);
    expect(a).toBe(b);
    await cache.picklistFields('org:rep1', 'Opportunity', client);
    expect(calls).toEqual(['Opportunity']);
    await cache.picklistFields('org:rep2', 'Opportunity', client);
    await cache.picklistFields('org:rep1', 'Lead', client);
    expect(calls).toEqual(['Opportunity', 'Opportunity', 'Lead']);
  });

  it('does not keep a failed describe: the next read asks again', async () => {
    const cache = new DescribeCache();
    const { client, calls } = describingClient([new Error('503')]);
    await expect(cache.picklistFields('org:rep1', 'Lead', client)).rejects.toThrow('503');
    await expect(cache.picklistFields('org:rep1', 'Lead', client)).resolves.toHaveLength(1);
    expect(calls).toEqual(['Lead', 'Lead']);
  });

  it('describes again after clear()', async () => {
    const cache = new DescribeCache();
    const { client, calls } = describingClient([]);
    await cache.picklistFields('org:rep1', 'Account', client);
    cache.clear();
    await cache.picklistFields('org:rep1', 'Account', client);
    expect(calls).toEqual(['Account', 'Account']);
  });

  it('answers no fields for a client that cannot describe', async () => {
    const cache = new DescribeCache();
    await expect(cache.picklistFields('org:x', 'Account', {} as SalesforceClient)).resolves.toEqual(
      [],
    );
  });
});
