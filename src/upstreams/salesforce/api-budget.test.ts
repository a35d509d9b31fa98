import { ApiBudget, ApiBudgetExceededError } from './api-budget';

const HOUR = 60 * 60 * 1000;
const header = (used: number, max: number) => ({
  method: 'GET',
  url: 'https://example.my.salesforce.com/services/data/v59.0/query',
  durationSeconds: 0.01,
  statusCode: 200,
  headers: { 'sforce-limit-info': `api-usage=${used}/${max}` },
});

function refusal(run: () => void): ApiBudgetExceededError | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    if (err instanceof ApiBudgetExceededError) return err;
    throw err;
  }
}

describe('ApiBudget', () => {
  it('admits everything until Salesforce reported a usage', () => {
    const budget = new ApiBudget(90);
    expect(refusal(() => budget.admit(false))).toBeUndefined();
    expect(budget.view()).toBeUndefined();
  });

  it('reads Sforce-Limit-Info and refuses non-essential calls from the reserve on', () => {
    let now = 0;
    const budget = new ApiBudget(90, () => now, 24 * HOUR);
    budget.observe(header(89, 100));
    expect(refusal(() => budget.admit(false))).toBeUndefined();
    now = HOUR;
    budget.observe(header(90, 100));
    expect(refusal(() => budget.admit(false))?.reason).toBe('reserve');
    expect(refusal(() => budget.admit(true))).toBeUndefined();
    expect(budget.view()).toMatchObject({ used: 90, max: 100, remaining: 10, reserveStartsAt: 90 });
    expect(budget.reserveOf(100)).toBe(10);
  });

  it('refuses everything once spent, saying capacity frees 24 h after the oldest counted call', () => {
    let now = 1_000;
    const budget = new ApiBudget(90, () => now, 24 * HOUR);
    budget.observe(header(5, 100));
    now += 2 * HOUR;
    budget.observe(header(100, 100));
    const spent = refusal(() => budget.admit(true));
    expect(spent?.reason).toBe('allocation-spent');
    expect(spent?.freesBy.getTime()).toBe(1_000 + 24 * HOUR);
    expect(spent?.message).toMatch(/100\/100/);
  });

  it('lets one probe call through per period while refusing, so a freed window shows', () => {
    let now = 0;
    const budget = new ApiBudget(90, () => now, 10_000);
    budget.observe(header(100, 100));
    now = 9_999;
    expect(refusal(() => budget.admit(true))?.reason).toBe('allocation-spent');
    now = 10_000;
    expect(refusal(() => budget.admit(false))).toBeUndefined();
    expect(refusal(() => budget.admit(false))?.reason).toBe('allocation-spent');
    budget.observe(header(40, 100));
    expect(refusal(() => budget.admit(false))).toBeUndefined();
  });

  it('treats REQUEST_LIMIT_EXCEEDED as spent, and trusts nothing older than the window', () => {
    let now = 0;
    const budget = new ApiBudget(100, () => now, 24 * HOUR);
    budget.observe(header(10, 100));
    budget.markSpent();
    expect(refusal(() => budget.admit(true))?.reason).toBe('allocation-spent');
    now = 24 * HOUR;
    expect(refusal(() => budget.admit(false))).toBeUndefined();
  });
});
