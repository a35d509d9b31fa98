import { executeSoql } from './index';
import { context, REP1 } from '../../../../test/helpers/emulator-soql-fixture';
import { BIG_ORG_AGGREGATE, BIG_ORG_PAGE, bigSoqlOrg } from '../../../../test/helpers/big-soql-org';

// Speed is measured by `npm run bench:emulator`, not asserted here: a timed assertion fails
// on a loaded machine without anything being broken. These check the answers at scale.
describe('engine at scale', () => {
  const org = bigSoqlOrg(6_000);

  it('serves a 2,000-row page of 6,000 opportunities with parent paths', () => {
    const result = executeSoql(org, BIG_ORG_PAGE, context());
    expect(result.totalSize).toBe(2000);
    expect(result.records[0]).toHaveProperty('Account.Owner.Name');
    expect(result.records.every((r) => r['Amount'] !== null)).toBe(true);
  });

  it('aggregates under sharing count only the rep’s rows', () => {
    expect(executeSoql(org, BIG_ORG_AGGREGATE, context()).totalSize).toBe(4);
    const rep = executeSoql(org, BIG_ORG_AGGREGATE, context({ user: REP1 }));
    const total = rep.records.reduce((sum, row) => sum + Number(row['expr0']), 0);
    expect(total).toBe(3_000);
  });
});
