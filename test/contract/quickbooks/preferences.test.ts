import type { RunningQuickBooksEmulator } from '../../../src/emulators/quickbooks';
import { call, connectQuickBooks, startQuickBooks, stats } from '../../helpers/quickbooks-target';

// GET /v3/company/{realm}/preferences as node-quickbooks reads it (`getPreferences`).
describe('QuickBooks Preferences', () => {
  let emulator: RunningQuickBooksEmulator;

  beforeAll(async () => {
    emulator = await startQuickBooks();
  });

  it('answers the company preferences with the home currency, counted as one call', async () => {
    const qbo = await connectQuickBooks(emulator);
    const preferences = await call<{
      CurrencyPrefs: { MultiCurrencyEnabled: boolean; HomeCurrency: { value: string } };
      Id: string;
    }>((cb) => qbo.getPreferences(cb as never));
    expect(preferences.CurrencyPrefs).toEqual({
      MultiCurrencyEnabled: true,
      HomeCurrency: { value: 'USD' },
    });
    expect(preferences.Id).toBe('1');
    expect((await stats(emulator)).byEndpoint).toEqual({ preferences: 1 });
  });
});
