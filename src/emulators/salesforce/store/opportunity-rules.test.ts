import { ADMIN, emptyStore } from '../../../../test/helpers/emulator-store-fixtures';

describe('opportunity stage rules', () => {
  const base = { Name: 'Deal', CloseDate: '2025-06-30' };

  it('defaults Probability from the stage and derives IsClosed/IsWon/ForecastCategory and ExpectedRevenue', () => {
    const store = emptyStore();
    const id = store.create(
      'Opportunity',
      { ...base, StageName: 'Value Proposition', Amount: 1000 },
      ADMIN,
    );
    expect(store.byId(id)).toMatchObject({
      Probability: 50,
      IsClosed: false,
      IsWon: false,
      ForecastCategory: 'Pipeline',
      ForecastCategoryName: 'Pipeline',
      ExpectedRevenue: 500,
    });
    store.update('Opportunity', id, { StageName: 'Closed Won' }, ADMIN);
    expect(store.byId(id)).toMatchObject({
      Probability: 100,
      IsClosed: true,
      IsWon: true,
      ForecastCategory: 'Closed',
      ExpectedRevenue: 1000,
    });
    store.update('Opportunity', id, { StageName: 'Closed Lost' }, ADMIN);
    expect(store.byId(id)).toMatchObject({
      Probability: 0,
      IsWon: false,
      IsClosed: true,
      ForecastCategory: 'Omitted',
    });
  });

  it('keeps an explicit Probability, and keeps it when only the Amount changes', () => {
    const store = emptyStore();
    const id = store.create(
      'Opportunity',
      { ...base, StageName: 'Prospecting', Probability: 35, Amount: 200 },
      ADMIN,
    );
    expect(store.byId(id)).toMatchObject({ Probability: 35, ExpectedRevenue: 70 });
    store.update('Opportunity', id, { Amount: 400 }, ADMIN);
    expect(store.byId(id)).toMatchObject({ Probability: 35, ExpectedRevenue: 140 });
    store.update('Opportunity', id, { Amount: null }, ADMIN);
    expect(store.byId(id)?.ExpectedRevenue).toBeNull();
  });

  it('maps an explicit ForecastCategoryName onto ForecastCategory', () => {
    const store = emptyStore();
    const id = store.create(
      'Opportunity',
      { ...base, StageName: 'Negotiation/Review', ForecastCategoryName: 'Commit' },
      ADMIN,
    );
    expect(store.byId(id)).toMatchObject({
      ForecastCategoryName: 'Commit',
      ForecastCategory: 'Forecast',
      Probability: 90,
    });
  });

  it('rejects writes to the derived fields', () => {
    const store = emptyStore();
    expect(() =>
      store.create('Opportunity', { ...base, StageName: 'Prospecting', IsWon: true }, ADMIN),
    ).toThrow('Unable to create/update fields: IsWon');
  });
});
