import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';

@ObjectType({
  description:
    'What one sync into Salesforce did. Every record in scope is counted once: created, updated, unchanged (its fingerprint matches what was last written, so it was not sent) or failed. Records with no linked Account the viewer may write are outside the scope and not counted.',
})
export class SyncResult {
  @Field(() => String, { description: '`stripe`, `zendesk` or `quickbooks`.' })
  source!: string;

  @Field(() => Int, { description: 'Records Salesforce inserted (upsert answered created).' })
  created!: number;

  @Field(() => Int, { description: 'Records sent because they changed, and updated.' })
  updated!: number;

  @Field(() => Int, { description: 'Records whose mapped values are as last written: not sent.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Records Salesforce rejected; each has an entry in `errors`.' })
  failed!: number;

  @Field(() => [String], {
    description: '`<external id>: <Salesforce status code> <message>` per failed record.',
  })
  errors!: string[];

  @Field(() => DateTimeScalar, { description: 'When the run finished.' })
  syncedAt!: Date;
}
