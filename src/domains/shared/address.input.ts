import { Field, InputType } from 'type-graphql';

@InputType({
  description:
    'An address to write, part by part: an absent part is left as it is, a null part is cleared; the whole address given as null clears every part.',
})
export class AddressInput {
  @Field(() => String, { nullable: true, description: 'Street; null clears it.' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'City; null clears it.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'State or province; null clears it.' })
  state?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal or ZIP code; null clears it.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Country; null clears it.' })
  country?: string | null;
}
