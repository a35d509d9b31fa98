import { randomUUID } from 'node:crypto';
import { parse, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { ErrorCode } from '../errors';
import { createLogger } from '../logging/logger';
import { createOperationAdmission, type OperationRequest } from './operation-cost-admission';
import { createClientRateLimiter, type ClientRateLimiter } from './rate-limit/rate-limiter';
import { buildGatewaySchema } from './schema';

const viewer: Viewer = {
  userId: '005000000000001AAA',
  orgId: '00D000000000001AAA',
  username: 'rep1@atom-demo.org',
  mode: 'user',
  cacheScope: 'scope',
};
const PAGE = 'query ($n: Int) { accounts(first: $n) { nodes { id } } }';

let schema: GraphQLSchema;
let limiters: ClientRateLimiter[] = [];
beforeAll(async () => {
  schema = await buildGatewaySchema();
});
afterEach(async () => {
  await Promise.all(limiters.map((l) => l.close()));
  limiters = [];
});

function request(query: string, variables?: Record<string, unknown>): OperationRequest {
  return {
    document: parse(query),
    variables,
    operationName: undefined,
    viewer,
    clientAddress: undefined,
  };
}

function admission(points: number | undefined, maxCost = 1_000) {
  const rateLimiter =
    points === undefined
      ? undefined
      : createClientRateLimiter({
          settings: { enabled: true, points, windowSeconds: 60, keyPrefix: randomUUID() },
          redisUrl: undefined,
          logger: createLogger('silent'),
        });
  if (rateLimiter) limiters.push(rateLimiter);
  const admit = createOperationAdmission({
    schema,
    maxCost,
    maxPageSize: 200,
    rateLimiter,
  });
  return { admit };
}

describe('createOperationAdmission', () => {
  it('admits an operation within the limits and reports its cost and the budget left', async () => {
    const { admit } = admission(1_000);
    const admitted = await admit(request(PAGE, { n: 100 }));
    expect(admitted).toEqual({
      admitted: true,
      cost: 300,
      rateLimit: expect.objectContaining({ allowed: true, remaining: 700, limit: 1_000 }),
    });
  });

  it('refuses an operation over the cost limit with its cost, as 400, spending 1 point', async () => {
    const { admit } = admission(1_000, 500);
    const refused = await admit(request(PAGE, { n: 200 }));
    expect(refused).toMatchObject({ admitted: false, status: 400 });
    if (refused.admitted) throw new Error('admitted');
    expect(refused.error.extensions).toEqual({
      code: ErrorCode.QUERY_TOO_COMPLEX,
      cost: 600,
      maxCost: 500,
    });
    expect(refused.rateLimit?.remaining).toBe(999);
  });

  it('refuses variables that do not coerce as BAD_USER_INPUT', async () => {
    const { admit } = admission(undefined);
    const refused = await admit(
      request('query ($n: Int!) { accounts(first: $n) { nodes { id } } }'),
    );
    expect(refused).toMatchObject({ admitted: false, status: 400, rateLimit: undefined });
    if (refused.admitted) throw new Error('admitted');
    expect(refused.error.code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('spends the cost, not one per request: one expensive operation outweighs many cheap ones', async () => {
    const { admit } = admission(1_000);
    expect(await admit(request(PAGE, { n: 300 / 3 }))).toMatchObject({ admitted: true, cost: 300 });
    expect(await admit(request(PAGE, { n: 200 }))).toMatchObject({ admitted: true, cost: 600 });
    // 100 left: a page of 50 (150) is refused, one of 30 (90) still runs.
    const limited = await admit(request(PAGE, { n: 50 }));
    expect(limited).toMatchObject({ admitted: false, status: 429 });
    if (limited.admitted) throw new Error('admitted');
    expect(limited.error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(limited.error.extensions).toMatchObject({
      retryAfterSeconds: expect.any(Number),
      cost: 150,
      remaining: 99,
      limit: 1_000,
      windowSeconds: 60,
    });
    expect(limited.error.message).toMatch(
      /^Rate limit reached: the operation costs 150 and this client has 99 of its 1000 cost points left/,
    );
    expect(await admit(request(PAGE, { n: 30 }))).toMatchObject({ admitted: true, cost: 90 });
  });

  it('answers RATE_LIMITED before any other refusal once the budget is spent', async () => {
    const { admit } = admission(1_000, 1_000);
    expect(await admit(request(PAGE, { n: 200 }))).toMatchObject({ admitted: true, cost: 600 });
    expect(await admit(request(PAGE, { n: 130 }))).toMatchObject({ admitted: true, cost: 390 });
    expect(await admit(request(PAGE, { n: 3 }))).toMatchObject({ admitted: true, cost: 9 });
    // 1 point left: an operation of 2 is refused and spends that last point.
    expect(await admit(request('{ viewer { id } }'))).toMatchObject({ status: 429 });
    const overCost = await admit(
      request('{ accounts(first: 200) { nodes { id contacts(first: 5) { nodes { id } } } } }'),
    );
    expect(overCost).toMatchObject({ admitted: false, status: 429 });
    if (overCost.admitted) throw new Error('admitted');
    expect(overCost.error.code).toBe(ErrorCode.RATE_LIMITED);
  });
});
