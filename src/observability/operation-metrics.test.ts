import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { Registry } from 'prom-client';
import { createOperationMetrics } from './operation-metrics';

function operation(name: string | undefined): OperationDefinitionNode {
  return {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    ...(name ? { name: { kind: Kind.NAME, value: name } } : {}),
    selectionSet: { kind: Kind.SELECTION_SET, selections: [] },
  };
}

async function seriesOf(
  registry: Registry,
  name: string,
): Promise<Array<Record<string, string | number>>> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no ${name}`);
  const { values } = await metric.get();
  return values.map((v) => ({ ...v.labels, value: v.value }));
}

describe('operation metrics', () => {
  it('keeps the first N operation names, then labels the rest (other)', async () => {
    const registry = new Registry();
    const metrics = createOperationMetrics(registry, { maxOperationNames: 2 });
    for (const name of ['A', 'B', 'C', 'D', 'A', undefined]) {
      metrics.record({
        transport: 'http',
        operation: operation(name),
        outcome: 'success',
        durationSeconds: 0.01,
      });
    }
    metrics.record({
      transport: 'http',
      operation: undefined,
      outcome: 'rejected',
      durationSeconds: 0,
    });
    const counts = (await seriesOf(registry, 'gateway_graphql_operation_duration_seconds'))
      .filter((s) => s.le === '+Inf')
      .map((s) => [s.operation_name, s.operation_type, s.value]);
    expect(counts).toEqual(
      expect.arrayContaining([
        ['A', 'query', 2],
        ['B', 'query', 1],
        ['(other)', 'query', 2],
        ['(anonymous)', 'query', 1],
        ['(unknown)', 'unknown', 1],
      ]),
    );
    expect(counts).toHaveLength(5);
  });

  it('counts errors by code; RATE_LIMITED refusals are counted like any code', async () => {
    const registry = new Registry();
    const metrics = createOperationMetrics(registry);
    metrics.countErrors([
      { message: 'slow down', extensions: { code: 'RATE_LIMITED' } },
      { message: 'slow down', extensions: { code: 'RATE_LIMITED' } },
      { message: 'bad', extensions: { code: 'BAD_USER_INPUT' } },
      { message: 'no code' },
    ]);
    metrics.countErrors(undefined);
    expect(await seriesOf(registry, 'gateway_graphql_errors_total')).toEqual(
      expect.arrayContaining([
        { code: 'RATE_LIMITED', value: 2 },
        { code: 'BAD_USER_INPUT', value: 1 },
        { code: '(none)', value: 1 },
      ]),
    );
  });
});
