import {
  OperationAbortedError,
  OperationScope,
  RowBudgetExceededError,
  currentOperationScope,
  runInOperationScope,
} from './operation-scope';

describe('OperationScope', () => {
  it('refuses every call once the budget is spent, until the next event', () => {
    const scope = new OperationScope({ requestId: 'r', maxRows: 10 });
    scope.countRows(10);
    expect(() => scope.assertCanCall()).not.toThrow();
    expect(() => scope.countRows(1)).toThrow(RowBudgetExceededError);
    expect(() => scope.assertCanCall()).toThrow(
      expect.objectContaining({ maxRows: 10, rowsRead: 11 }),
    );
    scope.startEvent();
    expect(scope.rowsRead).toBe(0);
    expect(() => scope.assertCanCall()).not.toThrow();
  });

  it('refuses calls once its signal aborted', () => {
    const client = new AbortController();
    const scope = new OperationScope({ requestId: 'r', maxRows: 10, signal: client.signal });
    client.abort();
    expect(() => scope.assertCanCall()).toThrow(OperationAbortedError);
  });

  it('is the current scope inside runInOperationScope only', async () => {
    const scope = new OperationScope({ requestId: 'r', maxRows: 1 });
    expect(currentOperationScope()).toBeUndefined();
    await runInOperationScope(scope, async () => {
      await Promise.resolve();
      expect(currentOperationScope()).toBe(scope);
    });
  });
});
