import 'reflect-metadata';
import {
  Arg,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  buildSchema,
  type ClassType,
} from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { decodeCursor, encodeCursor } from '../baseline/baseline-records';
import type { FloorAccount, FloorContact, FloorData, FloorOpportunity } from './floor-records';

/*
 * The gateway's types and fields the bench reads, declared with type-graphql the way the
 * gateway declares its schema (same names, same nullability, same connection shape), resolved
 * from memory: what any type-graphql + Apollo server pays for these documents before it does
 * any work of its own.
 */

@ObjectType()
class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

@ObjectType()
class Contact {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType()
class Account {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Float, { nullable: true })
  annualRevenue!: number | null;

  ownerId!: string | null;
}

@ObjectType()
class Opportunity {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  stageName!: string;

  @Field(() => Float, { nullable: true })
  amount!: number | null;

  accountId!: string | null;
  ownerId!: string | null;
}

interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

function connectionType<T extends object>(Node: ClassType<T>, name: string): ClassType<Page<T>> {
  @ObjectType(name)
  class Connection {
    @Field(() => [Node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return Connection;
}

const AccountConnection = connectionType(Account, 'AccountConnection');
const OpportunityConnection = connectionType(Opportunity, 'OpportunityConnection');
const ContactConnection = connectionType(Contact, 'ContactConnection');

function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > 200) {
    throw new Error('first must be between 1 and 200');
  }
  return first;
}

/** One page of an Id-ordered list after the cursor's Id: the gateway's default order. */
function page<T extends { id: string }>(
  list: readonly T[],
  first: number,
  after?: string | null,
): Page<T> {
  const size = checkFirst(first);
  const afterId = after ? decodeCursor(after) : null;
  const start = afterId === null ? 0 : list.findIndex((r) => r.id > afterId);
  const from = start < 0 ? list.length : start;
  const nodes = list.slice(from, from + size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: {
      hasNextPage: from + size < list.length,
      endCursor: last ? encodeCursor(last.id) : null,
    },
    totalCount: list.length,
  };
}

export async function buildFloorSchema(data: FloorData): Promise<GraphQLSchema> {
  @Resolver()
  class RootResolver {
    @Query(() => AccountConnection)
    accounts(
      @Arg('first', () => Int, { defaultValue: 50 }) first: number,
      @Arg('after', () => String, { nullable: true }) after: string | null,
    ): Page<FloorAccount> {
      return page(data.accounts, first, after);
    }

    @Query(() => OpportunityConnection)
    opportunities(
      @Arg('first', () => Int, { defaultValue: 50 }) first: number,
      @Arg('after', () => String, { nullable: true }) after: string | null,
    ): Page<FloorOpportunity> {
      return page(data.opportunities, first, after);
    }
  }

  @Resolver(() => Account)
  class AccountResolver {
    @FieldResolver(() => User, { nullable: true })
    owner(@Root() account: FloorAccount): User | null {
      return account.ownerId === null ? null : (data.usersById.get(account.ownerId) ?? null);
    }

    @FieldResolver(() => ContactConnection)
    contacts(
      @Root() account: FloorAccount,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number,
      @Arg('after', () => String, { nullable: true }) after: string | null,
    ): Page<FloorContact> {
      return page(data.contactsByAccount.get(account.id) ?? [], first, after);
    }
  }

  @Resolver(() => Opportunity)
  class OpportunityResolver {
    @FieldResolver(() => Account, { nullable: true })
    account(@Root() opportunity: FloorOpportunity): FloorAccount | null {
      return opportunity.accountId === null
        ? null
        : (data.accountsById.get(opportunity.accountId) ?? null);
    }

    @FieldResolver(() => User, { nullable: true })
    owner(@Root() opportunity: FloorOpportunity): User | null {
      return opportunity.ownerId === null
        ? null
        : (data.usersById.get(opportunity.ownerId) ?? null);
    }
  }

  return buildSchema({
    resolvers: [RootResolver, AccountResolver, OpportunityResolver],
    validate: false,
  });
}
