import { composeQuery, getField } from '@jetstreamapp/soql-parser-js';
import { OBJECT_MAPPINGS } from './object-mappings';
import { allOf, compare } from './condition-tree';
import { compileFilter } from './filter-compiler';
import { assertQueryFitsRequestUri } from './request-uri-limit';
import { toWhereClause } from './where-composer';

/** Result columns of the pipeline aggregate, by alias. */
export const PIPELINE_COLUMNS = {
  count: 'recordCount',
  amount: 'amountTotal',
  weighted: 'weightedTotal',
} as const;

/**
 * The whole pipeline in ONE aggregate SOQL: `SELECT StageName, COUNT(Id), SUM(Amount),
 * SUM(ExpectedRevenue) FROM Opportunity WHERE IsClosed = false AND <where> GROUP BY StageName`.
 * `where` is the contract's OpportunityFilter (BAD_USER_INPUT on misuse, via SoqlInputError).
 */
export function buildPipelineQuery(where: unknown): string {
  const mapping = OBJECT_MAPPINGS.Opportunity;
  const condition = allOf([
    compare('IsClosed', '=', 'false', 'BOOLEAN'),
    compileFilter(mapping, where),
  ]);
  const soql = composeQuery({
    fields: [
      getField('StageName'),
      getField({ functionName: 'COUNT', parameters: ['Id'], alias: PIPELINE_COLUMNS.count }),
      getField({ functionName: 'SUM', parameters: ['Amount'], alias: PIPELINE_COLUMNS.amount }),
      getField({
        functionName: 'SUM',
        parameters: ['ExpectedRevenue'],
        alias: PIPELINE_COLUMNS.weighted,
      }),
    ],
    sObject: mapping.sobject,
    where: condition ? toWhereClause(condition) : undefined,
    groupBy: [{ field: 'StageName' }],
  });
  assertQueryFitsRequestUri(soql);
  return soql;
}
