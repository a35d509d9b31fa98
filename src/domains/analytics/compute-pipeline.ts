import type { SalesforceClient } from '../../upstreams/salesforce/client';
import { queryAll } from '../../upstreams/salesforce/loaders/query-all';
import { PipelineReport, PipelineStage } from './pipeline-report.type';
import { buildPipelineSoql, PIPELINE_COLUMNS } from './pipeline-soql';

function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Cents are what Salesforce stores; sums of doubles would show 0.30000000000000004. */
function money(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The pipeline report as `salesforce`'s user sees it: one aggregate query, stages by name. */
export async function computePipeline(
  salesforce: SalesforceClient,
  where: unknown,
): Promise<PipelineReport> {
  const asOf = new Date();
  const rows = await queryAll(salesforce, buildPipelineSoql(where));
  const stages = rows
    .map((row) => {
      const values = row as Record<string, unknown>;
      return Object.assign(new PipelineStage(), {
        stageName: typeof values.StageName === 'string' ? values.StageName : '',
        count: numberOf(values[PIPELINE_COLUMNS.count]),
        amount: money(numberOf(values[PIPELINE_COLUMNS.amount])),
        weightedAmount: money(numberOf(values[PIPELINE_COLUMNS.weighted])),
      });
    })
    .sort((a, b) => a.stageName.localeCompare(b.stageName));
  return Object.assign(new PipelineReport(), {
    stages,
    count: stages.reduce((sum, s) => sum + s.count, 0),
    amount: money(stages.reduce((sum, s) => sum + s.amount, 0)),
    weightedAmount: money(stages.reduce((sum, s) => sum + s.weightedAmount, 0)),
    asOf,
  });
}
