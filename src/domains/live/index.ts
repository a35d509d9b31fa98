import { PipelineChangedResolver } from './pipeline-changed.resolver';
import { RecordChangeResolver } from './record-change.resolver';
import { RecordChangesResolver } from './record-changes.resolver';

export const subscriptionResolvers = [
  RecordChangeResolver,
  RecordChangesResolver,
  PipelineChangedResolver,
] as const;
