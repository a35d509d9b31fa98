import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { catchSalesforceError } from '../../helpers/salesforce-errors';

const DAILY_LIMIT = 5;

// A tiny daily allocation: the org answers 403 REQUEST_LIMIT_EXCEEDED once it is spent,
// and jsforce (which does not retry 403) surfaces it at once.
describeSalesforceContract(
  'daily API request limit',
  (target) => {
    emulatorOnly(
      'calls succeed up to the limit, then fail with REQUEST_LIMIT_EXCEEDED',
      async () => {
        const conn = await target().connect('admin');
        const outcomes: string[] = [];
        let usageAtLimit: unknown;
        for (let i = 0; i < DAILY_LIMIT + 2; i++) {
          try {
            await conn.query('SELECT Id FROM Account LIMIT 1');
            outcomes.push('ok');
            usageAtLimit = conn.limitInfo.apiUsage;
          } catch (error) {
            const failure = await catchSalesforceError(Promise.reject(error));
            outcomes.push(failure.errorCode);
            expect(failure.message).toMatch(/TotalRequests Limit exceeded/);
          }
        }
        expect(outcomes.slice(0, DAILY_LIMIT)).toEqual(Array(DAILY_LIMIT).fill('ok'));
        expect(outcomes.slice(DAILY_LIMIT)).toEqual([
          'REQUEST_LIMIT_EXCEEDED',
          'REQUEST_LIMIT_EXCEEDED',
        ]);
        expect(usageAtLimit).toEqual({ used: DAILY_LIMIT, limit: DAILY_LIMIT });
      },
    );
  },
  { dailyApiLimit: DAILY_LIMIT },
);
