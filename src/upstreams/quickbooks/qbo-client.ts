import QuickBooks from 'node-quickbooks';
import type { QuickBooksSettings } from '../../config';
import type { Logger } from '../../logging/logger';
import { LinkedServiceError, linkedCall } from '../linked';
import type { UpstreamResilience } from '../resilience';
import type { OperationScope } from '../operation-scope';
import { failureStatus, normaliseQuickBooksError } from './qbo-errors';
import { inListCriteria, MAX_RESULTS, type InListQuery, type QueryEntity } from './qbo-query';
import type { RotatingSecretStore } from '../../auth/rotating-secret-store';
import { QuickBooksTokenRefresher } from './token-refresher';

/**
 * Pinned so entity shapes do not change under us. Since 1 August 2025 Intuit ignores minor
 * versions below 75 (https://blogs.intuit.com/2025/01/21/changes-to-our-accounting-api-that-may-impact-your-application),
 * and the emulator models 75.
 */
export const QBO_MINOR_VERSION = '75';

type Callback<T> = (err: unknown, data?: T) => void;
interface QueryBody {
  QueryResponse?: Record<string, unknown>;
}

/**
 * The node-quickbooks calls the gateway makes. Its typings only take criteria objects; a string
 * is appended as is after `select * from <entity>` (`module.criteriaToString`), which lets us
 * send literals we escaped ourselves (its own quoting leaves backslashes alone).
 */
interface QuickBooksSdk {
  findInvoices(criteria: string, callback: Callback<QueryBody>): void;
  findCustomers(criteria: string, callback: Callback<QueryBody>): void;
  getPreferences(callback: Callback<Record<string, unknown>>): void;
}

/**
 * The resilience timeout is cooperative (it aborts the attempt's signal and waits), and
 * node-quickbooks cannot take a signal: the attempt is given up here instead, its request
 * left to finish on its own.
 */
function abandonOnAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(timedOut());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(timedOut());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function timedOut(): LinkedServiceError {
  return new LinkedServiceError(
    'quickbooks',
    'unavailable',
    'QuickBooks Online did not answer in time (or the operation was abandoned)',
  );
}

function promised<T>(invoke: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    invoke((err, data) => (err ? reject(err) : resolve(data as T))),
  );
}

/**
 * The process's QuickBooks Online client: node-quickbooks (OAuth 2) for the data service,
 * the token refresher for access tokens, every call through `linkedCall` (breaker, bulkhead,
 * timeout, read retries; node-quickbooks itself never retries).
 *
 * Globals: node-quickbooks keeps its URLs as statics, but the data service URL is read from
 * the instance (`qbo.endpoint`, set here per client) and its static `TOKEN_URL` only serves
 * `refreshAccessToken`, which we do not use. So nothing global is written, and two gateways
 * in one process (tests) each talk to their own company. One limit: node-quickbooks hands
 * axios no signal or timeout, so a call past our timeout is abandoned, not aborted (its
 * socket closes when QBO answers).
 */
export class QuickBooksApi {
  readonly realmId: string;
  private readonly tokens: QuickBooksTokenRefresher;
  private homeCurrency: Promise<string | null> | undefined;

  constructor(
    private readonly settings: QuickBooksSettings,
    private readonly resilience: UpstreamResilience,
    timeoutMs: number,
    logger?: Logger,
    secrets?: RotatingSecretStore,
  ) {
    this.realmId = settings.realmId;
    this.tokens = new QuickBooksTokenRefresher(settings, timeoutMs, logger, secrets);
  }

  /** Every row of one `IN` statement, following STARTPOSITION while pages come back full. */
  async queryAll(query: InListQuery, operation: OperationScope): Promise<unknown[]> {
    const rows: unknown[] = [];
    for (let start = 1; ; start += MAX_RESULTS) {
      operation.assertCanCall();
      const page = await this.query(query.entity, inListCriteria(query, start), operation);
      operation.countRows(page.length);
      rows.push(...page);
      if (page.length < MAX_RESULTS) return rows;
    }
  }

  /**
   * One page of `select * from <entity> [where ...] orderby Id`: up to MAX_RESULTS rows from
   * `startPosition` (1-based), what a sync reads page by page. `where` must be built from
   * escaped literals (`qboString`).
   */
  async queryPage(
    entity: QueryEntity,
    where: string | null,
    startPosition: number,
    operation: OperationScope,
  ): Promise<unknown[]> {
    operation.assertCanCall();
    const criteria = `${where === null ? '' : `where ${where} `}orderby Id startposition ${startPosition} maxresults ${MAX_RESULTS}`;
    const rows = await this.query(entity, criteria, operation);
    operation.countRows(rows.length);
    return rows;
  }

  /**
   * The company's home currency (`Preferences.CurrencyPrefs.HomeCurrency`), asked once per
   * process and only when an invoice comes without `CurrencyRef` (QBO omits it when the
   * company does not use multicurrency).
   */
  companyHomeCurrency(operation: OperationScope): Promise<string | null> {
    this.homeCurrency ??= this.call(
      (sdk) => promised<Record<string, unknown>>((cb) => sdk.getPreferences(cb)),
      operation,
    ).then(
      (preferences) => {
        const prefs = (preferences.Preferences ?? preferences) as {
          CurrencyPrefs?: { HomeCurrency?: { value?: unknown } };
        };
        const value = prefs.CurrencyPrefs?.HomeCurrency?.value;
        return typeof value === 'string' ? value : null;
      },
      (err: unknown) => {
        this.homeCurrency = undefined;
        throw err;
      },
    );
    return this.homeCurrency;
  }

  /** `criteria`: the statement after `select * from <entity>` (node-quickbooks writes that). */
  private async query(
    entity: QueryEntity,
    criteria: string,
    operation: OperationScope,
  ): Promise<unknown[]> {
    const body = await this.call(
      (sdk) =>
        promised<QueryBody>((cb) =>
          entity === 'Invoice' ? sdk.findInvoices(criteria, cb) : sdk.findCustomers(criteria, cb),
        ),
      operation,
    );
    const rows = body.QueryResponse?.[entity];
    return Array.isArray(rows) ? (rows as unknown[]) : [];
  }

  private call<T>(work: (sdk: QuickBooksSdk) => Promise<T>, operation: OperationScope): Promise<T> {
    return linkedCall(
      this.resilience,
      'quickbooks',
      (signal) => abandonOnAbort(this.withAccessToken(work), signal),
      { idempotent: true, signal: operation.signal },
    );
  }

  /** A 401 (token revoked or expired before its time) renews the token once and replays. */
  private async withAccessToken<T>(work: (sdk: QuickBooksSdk) => Promise<T>): Promise<T> {
    const token = await this.tokens.accessToken();
    try {
      return await work(this.sdk(token));
    } catch (err) {
      if (failureStatus(err) !== 401) throw normaliseQuickBooksError(err);
    }
    const renewed = await this.tokens.renewAfterRejection(token);
    try {
      return await work(this.sdk(renewed));
    } catch (err) {
      throw normaliseQuickBooksError(err);
    }
  }

  /** One SDK instance per call: its token is instance state, and calls run concurrently. */
  private sdk(accessToken: string): QuickBooksSdk {
    const qbo = new QuickBooks(
      this.settings.clientId,
      this.settings.clientSecret,
      accessToken,
      false,
      this.settings.realmId,
      this.settings.environment === 'sandbox',
      false,
      QBO_MINOR_VERSION,
      '2.0',
      // The refresh token stays with our refresher: node-quickbooks would only log it (debug).
      null,
    );
    qbo.endpoint = this.settings.companyEndpoint;
    return qbo as unknown as QuickBooksSdk;
  }
}
