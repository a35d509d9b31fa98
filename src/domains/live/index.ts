import { LinkedChangesResolver } from './linked-changes.resolver';
import { PipelineChangedResolver } from './pipeline-changed.resolver';
import { RecordChangeResolver } from './record-change.resolver';
import { RecordChangesResolver } from './record-changes.resolver';

export const subscriptionResolvers = [
  RecordChangeResolver,
  RecordChangesResolver,
  PipelineChangedResolver,
  LinkedChangesResolver,
] as const;
