import type { SalesforceClient } from '../client';
import { buildPipelineQuery, PIPELINE_COLUMNS } from '../soql';

/** One stage of the open pipeline, as Salesforce sums it. */
export interface PipelineStageRow {
  stageName: string;
  count: number;
  amount: number;
  weightedAmount: number;
}

function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Open opportunities matching `where` (the contract's OpportunityFilter), by stage: one aggregate query. */
export async function readPipelineStages(
  client: SalesforceClient,
  where: unknown,
): Promise<PipelineStageRow[]> {
  const rows = await client.queryAll(buildPipelineQuery(where));
  return rows.map((row) => {
    const values = row as Record<string, unknown>;
    return {
      stageName: typeof values.StageName === 'string' ? values.StageName : '',
      count: numberOf(values[PIPELINE_COLUMNS.count]),
      amount: numberOf(values[PIPELINE_COLUMNS.amount]),
      weightedAmount: numberOf(values[PIPELINE_COLUMNS.weighted]),
    };
  });
}
