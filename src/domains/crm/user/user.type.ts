import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.interface';

@ObjectType({ implements: Node })
export class User extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => Boolean)
  isActive!: boolean;
}
