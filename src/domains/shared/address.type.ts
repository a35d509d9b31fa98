import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A Salesforce compound address (e.g. Billing* of an Account, Mailing* of a Contact); null when every part is empty.',
})
export class Address {
  @Field(() => String, { nullable: true, description: 'Street, possibly several lines.' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: 'City.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'State or province, as entered.' })
  state!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal or ZIP code.' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Country, as entered.' })
  country!: string | null;
}
