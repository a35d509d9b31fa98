import { toGraphQLError } from '../../../errors';

/** Runs resolver work so every failure leaves as a contract error (SoqlInputError → BAD_USER_INPUT, ...). */
export async function withGraphQLErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGraphQLError(error);
  }
}
