import { DateResolver, DateTimeResolver } from 'graphql-scalars';

/** ISO-8601 instant; resolvers hand it `Date` objects (Salesforce's `+0000` offsets are not RFC 3339). */
export const DateTimeScalar = DateTimeResolver;

/** ISO-8601 calendar date; resolvers hand it `YYYY-MM-DD` strings, arguments arrive as UTC-midnight `Date`s. */
export const DateScalar = DateResolver;
