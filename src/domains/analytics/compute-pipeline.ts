import type { SalesforceClient } from '../../upstreams/salesforce/client';
import { readPipelineStages } from '../../upstreams/salesforce/operations';
import { PipelineReport, PipelineStage } from './pipeline-report.type';
import { money } from './report-range';

/** The pipeline report as `salesforce`'s user sees it: one aggregate query, stages by name. */
export async function computePipeline(
  salesforce: SalesforceClient,
  where: unknown,
): Promise<PipelineReport> {
  const asOf = new Date();
  const rows = await readPipelineStages(salesforce, where);
  const stages = rows
    .map((row) =>
      Object.assign(new PipelineStage(), {
        stageName: row.stageName,
        count: row.count,
        amount: money(row.amount),
        weightedAmount: money(row.weightedAmount),
      }),
    )
    .sort((a, b) => a.stageName.localeCompare(b.stageName));
  return Object.assign(new PipelineReport(), {
    stages,
    count: stages.reduce((sum, s) => sum + s.count, 0),
    amount: money(stages.reduce((sum, s) => sum + s.amount, 0)),
    weightedAmount: money(stages.reduce((sum, s) => sum + s.weightedAmount, 0)),
    asOf,
  });
}
