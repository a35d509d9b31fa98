/**
 * Runs the examples of one Markdown file (doc-examples.ts) against a fresh demo gateway: the
 * emulated org, the Stripe/Zendesk/QuickBooks emulators posting their signed webhooks to it,
 * CDC on, AUTH_MODE=demo, custom fields and cache as `npm start` has them. Blocks run in file
 * order, so an example may rely on an earlier mutation.
 */
import type { FormattedExecutionResult } from 'graphql-ws';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import {
  DEMO_READYZ_HEADERS,
  connectWs,
  readyz,
  type TestWsClient,
} from '../helpers/subscriptions-client';
import {
  compareExcerpt,
  parseDocExamples,
  type DocExample,
  type GraphQLExample,
  type HttpExample,
  type ResponseExcerpt,
} from './doc-examples';

export interface DocFailure {
  line: number;
  message: string;
}

/** "Within a few seconds" of its trigger, the subscription's first event must be there. */
const SUBSCRIPTION_EVENT_MS = 5_000;

/** The demo's fixed ports (`npm start`), as the docs show them, by service. */
const DEMO_PORTS: Record<string, 'gateway' | 'salesforce' | 'stripe' | 'zendesk' | 'quickbooks'> = {
  '4000': 'gateway',
  '4010': 'salesforce',
  '4011': 'stripe',
  '4012': 'zendesk',
  '4013': 'quickbooks',
};

export interface DocGateway {
  gw: TestGateway;
  ws: TestWsClient;
  /** The running origin of each demo port. */
  origins: Record<string, string>;
}

export async function startDocGateway(): Promise<DocGateway> {
  const gw = await startTestGateway({
    linked: {},
    // What `npm start` runs with: the org's custom fields (link fields, custom objects) on
    // the graph and the cross-request cache on.
    env: { CUSTOM_FIELDS: 'auto', CACHE_ENABLED: 'true' },
  });
  gw.linked?.sendWebhooksTo(gw.origin, gw.config.webhooks);
  const origins: Record<string, string> = {
    gateway: gw.origin,
    salesforce: new URL(gw.emulatorUrl).origin,
  };
  for (const emulator of gw.linked?.emulators ?? []) {
    origins[emulator.service] = new URL(emulator.adminUrl).origin;
  }
  const ws = connectWs(gw.url);
  return { gw, ws, origins };
}

function resolveTarget(target: string, origins: Record<string, string>): string {
  if (target.startsWith('/')) return `${origins.gateway}${target}`;
  const url = new URL(target);
  const service = DEMO_PORTS[url.port];
  const origin = service ? origins[service] : undefined;
  if (!['127.0.0.1', 'localhost'].includes(url.hostname) || !origin) {
    throw new Error(`${target} is not a demo URL (127.0.0.1:4000 and 4010-4013)`);
  }
  return `${origin}${url.pathname}${url.search}`;
}

function checkResponse(excerpt: ResponseExcerpt | undefined, actual: unknown): DocFailure[] {
  if (!excerpt) return [];
  return compareExcerpt(excerpt.value, actual).map((message) => ({
    line: excerpt.line,
    message: `answer differs from the documented response: ${message}`,
  }));
}

interface Answer {
  status: number;
  body: unknown;
}

async function runHttp(example: HttpExample, origins: Record<string, string>): Promise<Answer> {
  const response = await fetch(resolveTarget(example.target, origins), {
    method: example.method,
    headers: example.headers,
    ...(example.body !== undefined ? { body: example.body } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // Not JSON (a metrics page, an HTML page): compared as text, if at all.
  }
  return { status: response.status, body };
}

function httpFailures(example: HttpExample, answer: Answer): DocFailure[] {
  const expected = example.expectStatus;
  const statusOk =
    expected === undefined
      ? answer.status >= 200 && answer.status < 300
      : answer.status === expected;
  if (!statusOk) {
    return [
      {
        line: example.line,
        message: `${example.method} ${example.target} answered ${answer.status} (expected ${expected ?? '2xx'}): ${JSON.stringify(answer.body).slice(0, 500)}`,
      },
    ];
  }
  return checkResponse(example.response, answer.body);
}

interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message?: string; extensions?: { code?: unknown } }>;
}

function graphqlFailures(
  example: GraphQLExample,
  body: GraphQLBody,
  status?: number,
): DocFailure[] {
  const errors = body.errors ?? [];
  if (example.expectError) {
    if (!errors.some((e) => e.extensions?.code === example.expectError)) {
      return [
        {
          line: example.line,
          message: `expected an error with code ${example.expectError}, got ${JSON.stringify(body).slice(0, 500)}`,
        },
      ];
    }
  } else if (errors.length > 0 || (status !== undefined && status !== 200)) {
    return [
      {
        line: example.line,
        message: `answered with errors (HTTP ${status ?? 'ws'}): ${JSON.stringify(errors).slice(0, 800)}`,
      },
    ];
  }
  return checkResponse(example.response, body);
}

/** Sees every real answer, by the line of its block: how excerpts are pasted from real runs. */
export type AnswerObserver = (line: number, answer: unknown) => void;

async function runGraphQL(
  example: GraphQLExample,
  gw: TestGateway,
  observe: AnswerObserver,
): Promise<DocFailure[]> {
  const answer = await gw.post(example.query, example.variables);
  observe(example.line, answer.body);
  return graphqlFailures(example, answer.body as GraphQLBody, answer.status);
}

async function subscribers(gw: TestGateway): Promise<number> {
  const body = await readyz({ origin: gw.origin, headers: DEMO_READYZ_HEADERS });
  return body.salesforce?.cdc?.subscribers ?? -1;
}

async function until(predicate: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return predicate();
}

interface OpenSubscription {
  results: Array<FormattedExecutionResult<unknown, unknown>>;
  failure: unknown;
  unsubscribe(): void;
}

function openSubscription(example: GraphQLExample, ws: TestWsClient): OpenSubscription {
  const open: OpenSubscription = { results: [], failure: undefined, unsubscribe: () => {} };
  open.unsubscribe = ws.client.subscribe(
    { query: example.query, ...(example.variables ? { variables: example.variables } : {}) },
    {
      next: (result) => open.results.push(result),
      error: (error) => {
        open.failure = error;
      },
      complete: () => {},
    },
  );
  return open;
}

function errorOf(failure: unknown): GraphQLBody {
  if (Array.isArray(failure)) return { errors: failure as GraphQLBody['errors'] };
  return { errors: [{ message: String((failure as { reason?: unknown }).reason ?? failure) }] };
}

/**
 * A subscription is opened over graphql-ws; once the gateway counts it, the next example (its
 * trigger, usually a mutation) runs, and the subscription's first event must arrive within
 * SUBSCRIPTION_EVENT_MS of it. With expect-error, the refusal is all there is to see.
 */
async function runSubscription(
  example: GraphQLExample,
  trigger: DocExample | undefined,
  doc: DocGateway,
  observe: AnswerObserver,
): Promise<DocFailure[]> {
  const before = await subscribers(doc.gw);
  const open = openSubscription(example, doc.ws);
  try {
    if (example.expectError) {
      await until(
        () => open.failure !== undefined || open.results.length > 0,
        SUBSCRIPTION_EVENT_MS,
      );
      const body = open.results[0] ?? errorOf(open.failure ?? []);
      observe(example.line, body);
      return graphqlFailures(example, body as GraphQLBody);
    }
    const counted = await until(
      async () => open.failure !== undefined || (await subscribers(doc.gw)) > before,
      SUBSCRIPTION_EVENT_MS,
    );
    if (open.failure !== undefined || !counted) {
      return [
        {
          line: example.line,
          message: `the subscription did not start: ${JSON.stringify(open.failure ?? 'not counted by /readyz')}`,
        },
      ];
    }
    if (!trigger) {
      return [
        { line: example.line, message: 'a subscription needs a following example to trigger it' },
      ];
    }
    const triggerFailures = await runExample(trigger, doc, observe);
    if (triggerFailures.length > 0) return triggerFailures;
    await until(() => open.failure !== undefined || open.results.length > 0, SUBSCRIPTION_EVENT_MS);
    const first = open.results[0];
    if (first) observe(example.line, first);
    if (!first) {
      return [
        {
          line: example.line,
          message: `no event within ${SUBSCRIPTION_EVENT_MS} ms of the example at line ${trigger.line}${open.failure ? `: ${JSON.stringify(open.failure)}` : ''}`,
        },
      ];
    }
    return graphqlFailures(example, first as GraphQLBody);
  } finally {
    open.unsubscribe();
    // The next subscription counts from here: wait until this one is gone on the server.
    await until(async () => (await subscribers(doc.gw)) <= before, SUBSCRIPTION_EVENT_MS);
  }
}

async function runExample(
  example: DocExample,
  doc: DocGateway,
  observe: AnswerObserver,
): Promise<DocFailure[]> {
  try {
    if (example.kind === 'http') {
      const answer = await runHttp(example, doc.origins);
      observe(example.line, answer);
      return httpFailures(example, answer);
    }
    return await runGraphQL(example, doc.gw, observe);
  } catch (error) {
    return [{ line: example.line, message: `could not run: ${(error as Error).message}` }];
  }
}

/** Every failure of one Markdown file's examples, in file order; [] when all pass. */
export async function runDocExamples(
  markdown: string,
  doc: DocGateway,
  observe: AnswerObserver = () => {},
): Promise<DocFailure[]> {
  const { examples, problems } = parseDocExamples(markdown);
  const failures: DocFailure[] = [...problems];
  for (let i = 0; i < examples.length; i += 1) {
    const example = examples[i] as DocExample;
    if (example.kind === 'graphql' && example.operationType === 'subscription') {
      const trigger = example.expectError ? undefined : examples[i + 1];
      if (trigger) i += 1;
      try {
        failures.push(...(await runSubscription(example, trigger, doc, observe)));
      } catch (error) {
        failures.push({
          line: example.line,
          message: `could not run: ${(error as Error).message}`,
        });
      }
    } else {
      failures.push(...(await runExample(example, doc, observe)));
    }
  }
  return failures.sort((a, b) => a.line - b.line);
}
