import { ArgsType, Field, ID } from 'type-graphql';
import { ChangeType } from './change-type.enum';
import { SObjectType } from './sobject-type.enum';

/** What every record-change field accepts: the records and the kinds of change wanted. */
@ArgsType()
export class RecordChangeArgs {
  @Field(() => [ID], {
    nullable: true,
    description:
      "Only changes to these records: 15- or 18-character Salesforce Ids of the field's types; a malformed Id, a wrong checksum or another object's Id is BAD_USER_INPUT at subscribe time.",
  })
  ids?: string[] | null;

  @Field(() => [ChangeType], {
    nullable: true,
    description: 'Only these kinds of change (default: all, GAP included).',
  })
  changeTypes?: ChangeType[] | null;
}

/** Contacts and Opportunities belong to an account, so they can be filtered by it. */
@ArgsType()
export class AccountScopedChangeArgs extends RecordChangeArgs {
  @Field(() => [ID], {
    nullable: true,
    description:
      'Only records of these accounts: Account Ids (001...); any other is BAD_USER_INPUT at subscribe time.',
  })
  accountIds?: string[] | null;
}

/** `recordChanged` spans object types, so the types are an argument too. */
@ArgsType()
export class AnyRecordChangeArgs extends RecordChangeArgs {
  @Field(() => [SObjectType], { nullable: true, description: 'Default: all.' })
  types?: SObjectType[] | null;
}
