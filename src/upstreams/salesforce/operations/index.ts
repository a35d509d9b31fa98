/*
 * What the GraphQL domains ask of Salesforce beyond the batched loaders: one module per
 * concern, so resolvers never call the client's query or DML methods themselves.
 */
export { readConnectionPage, type ConnectionPage } from './connection-page';
export { readApiUsage } from './limits';
export { readPipelineStages, type PipelineStageRow } from './pipeline';
export {
  readDayReport,
  readLeadConversion,
  readSalesPerformance,
  type DayReportCountRow,
  type DayReportOtherDayRow,
  type DayReportRangeDayRow,
  type DayReportRows,
  type GroupValue,
} from './day-report';
export { readRecordsByIds } from './records-by-ids';
export { convertLead, createOne, destroyOne, readRecordFresh, updateOne } from './records';
export { searchRecords, type SearchHit } from './search';
