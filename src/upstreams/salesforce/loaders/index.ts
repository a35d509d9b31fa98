export {
  createChildConnectionsLoader,
  type ChildConnectionSpec,
  type ChildConnectionsLoader,
  type ChildPage,
} from './child-connections.loader';
export {
  createGroupedCountLoader,
  type GroupedCountLoader,
  type GroupedCountSpec,
} from './grouped-count.loader';
export { createRecordByIdLoader, type RecordByIdLoader } from './record-by-id.loader';
export { createRecordByFieldLoader, type RecordByFieldLoader } from './record-by-field.loader';
export {
  createOpportunityTotalsLoader,
  type OpportunityTotals,
  type OpportunityTotalsLoader,
} from './opportunity-totals.loader';
