export {
  type LinkFieldKey,
  type LinkSource,
  MAX_IDS_PER_QUERY,
  MAX_PAGE_SIZE,
  type CompiledConnectionQuery,
  type ConnectionQueryInput,
  type FilterInput,
  type ObjectMapping,
  type OrderByInput,
  type SalesforceRecord,
  type ScalarKind,
  type SObjectName,
  type SortKey,
} from './soql.types';
export { OBJECT_MAPPINGS, mappingsRevision } from './object-mappings';
export { registerCustomFields, type CustomFieldSpec } from './custom-field-registry';
export {
  buildByIdsQuery,
  buildGroupedSumQuery,
  buildByFieldValuesQuery,
  buildChildConnectionsQuery,
  buildConnectionQuery,
  buildCountQuery,
  buildGroupedCountQuery,
} from './query-builders';
export { buildPipelineQuery, PIPELINE_COLUMNS } from './pipeline-query';
export {
  buildDayReportQueries,
  DAY_REPORT_COLUMNS,
  type AliasedQuery,
  type DayReportQueries,
  type DayReportSpec,
} from './report-queries';
export {
  leadConversionSpec,
  PERFORMANCE_AGGREGATES,
  salesPerformanceSpec,
  type DateRange,
  type LeadGroupingKey,
  type PerformanceGroupingKey,
} from './report-specs';
export { decodeCursor, encodeCursor } from './keyset-cursor';
export { SoqlInputError } from './soql-input-error';
export { chunkIds, idKey, normalizeId } from './salesforce-id';
export { escapeSoqlString, soqlLikePattern, soqlString } from './soql-literals';
export { graphFieldName } from './graph-field-names';
export {
  buildSearchQuery,
  escapeSoslPhrase,
  MAX_SEARCH_RESULTS,
  MIN_SEARCH_TEXT_LENGTH,
  type SearchQueryInput,
} from './sosl-query';
