import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "One allowed value of a picklist field, from Salesforce describe's `picklistValues`.",
})
export class PicklistValue {
  @Field(() => String, {
    description:
      'The API value: what records hold, what filters (`eq`, `in`) and create/update inputs take.',
  })
  value!: string;

  @Field(() => String, {
    description: 'What Salesforce shows for it (the label in the org’s language); show this.',
  })
  label!: string;

  @Field(() => Boolean, {
    description:
      'False for a value an admin deactivated: existing records may still hold it, but Salesforce refuses it in new writes of a restricted picklist. Offer only active values in a select.',
  })
  active!: boolean;

  @Field(() => Boolean, {
    description: 'True for the value Salesforce fills in when a new record leaves the field out.',
  })
  isDefault!: boolean;
}

@ObjectType({
  description:
    'A picklist (or multi-select picklist) field of a CRM object with its allowed values, as the viewer may read it.',
})
export class PicklistField {
  @Field(() => String, {
    description:
      'The field’s name in the graph (`stageName`, `industry`, custom fields by their API name, e.g. `Region__c`).',
  })
  field!: string;

  @Field(() => String, { description: 'The field’s label in Salesforce (e.g. "Stage").' })
  label!: string;

  @Field(() => Boolean, {
    description:
      'True for a multi-select picklist: the graph field is a list of values (`[String!]`), filtered with MultiPicklistFilter.',
  })
  multiSelect!: boolean;

  @Field(() => [PicklistValue], {
    description: 'Every value in Salesforce’s order, inactive ones included (see `active`).',
  })
  values!: PicklistValue[];
}
