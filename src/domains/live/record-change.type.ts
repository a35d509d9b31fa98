import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';
import { ChangeType } from './change-type.enum';
import { SObjectType } from './sobject-type.enum';

@ObjectType({
  description:
    'One Change Data Capture event as this subscriber may see it: only records they can see, only fields the graph exposes.',
})
export class RecordChange {
  @Field(() => SObjectType, { description: 'The object type of the changed records.' })
  type!: SObjectType;

  @Field(() => ChangeType, {
    description:
      'What happened: created, updated, deleted, undeleted, or a GAP the gateway cannot detail.',
  })
  changeType!: ChangeType;

  @Field(() => [ID], { description: 'The changed records this subscriber can see.' })
  recordIds!: string[];

  @Field(() => [String], {
    description: 'camelCase field names of the graph (`stageName`, `billingAddress`, `account`).',
  })
  changedFields!: string[];

  @Field(() => DateTimeScalar, { description: 'When Salesforce committed the change.' })
  commitTimestamp!: Date;

  @Field(() => ID, { nullable: true, description: 'The Salesforce user who committed the change.' })
  commitUserId!: string | null;

  @Field(() => String, {
    description: 'Position in the org’s change stream (opaque, increasing).',
  })
  replayId!: string;
}
