import type { QuickBooksContext } from '../emulator-context';
import { QueryParserError } from '../query/query-lexer';
import { QueryValidationError, runQuery } from '../query/query-engine';
import { HOME_CURRENCY, type Invoice } from '../model/entities';
import {
  createInvoice,
  deleteInvoice,
  invoiceForWrite,
  InvoiceInvalid,
  StaleInvoice,
  updateInvoice,
  voidInvoice,
} from '../model/invoice-changes';
import { qboDateTime } from '../seed/qbo-time';
import { jsonReply, type HttpReply } from './http-io';
import { fault, objectNotFound, unsupportedOperation } from './qbo-faults';

export interface CompanyRequest {
  method: string;
  /** The path after `/v3/company/{realm}`. */
  resource: string;
  fullPath: string;
  query: URLSearchParams;
  body: Buffer;
}

/** The endpoint name the stats count, or undefined for a resource the emulator lacks. */
export function endpointOf(method: string, resource: string): string | undefined {
  if (resource === '/query' && (method === 'GET' || method === 'POST')) return 'query';
  if (resource === '/preferences' && method === 'GET') return 'preferences';
  if (resource === '/invoice' && method === 'POST') return 'invoice.write';
  const read = /^\/(customer|invoice)\/[^/]+$/i.exec(resource);
  if (read && method === 'GET') return (read[1] as string).toLowerCase();
  return undefined;
}

/** The data service of one company: the query endpoint and reads by Id. */
export function handleCompanyRequest(ctx: QuickBooksContext, req: CompanyRequest): HttpReply {
  const now = ctx.options.clock();
  const endpoint = endpointOf(req.method, req.resource);
  if (!endpoint) return unsupportedOperation(req.fullPath, now);
  if (endpoint === 'query') {
    // QBO takes the statement from `?query=` or, for long ones, a POST body (application/text).
    const text =
      req.method === 'POST' && !req.query.has('query')
        ? req.body.toString('utf8')
        : req.query.get('query');
    if (!text)
      return parseFault(
        'QueryParserError: Encountered "<EOF>" at line 0, column 0.\nWas expecting:\n    "select" ...\n    ',
        now,
      );
    try {
      return jsonReply(200, {
        QueryResponse: runQuery(ctx.data(), text),
        time: qboDateTime(now.getTime()),
      });
    } catch (err) {
      if (err instanceof QueryParserError) return parseFault(err.message, now);
      if (err instanceof QueryValidationError)
        return fault(
          400,
          'ValidationFault',
          { Message: 'Invalid query', Detail: err.message, code: '4001' },
          now,
        );
      throw err;
    }
  }
  if (endpoint === 'invoice.write') return writeInvoice(ctx, req, now);
  if (endpoint === 'preferences')
    return jsonReply(200, {
      Preferences: companyPreferences(ctx),
      time: qboDateTime(now.getTime()),
    });
  const id = decodeURIComponent(req.resource.split('/')[2] as string);
  const data = ctx.data();
  const entity =
    endpoint === 'customer'
      ? data.customers.find((c) => c.Id === id)
      : data.invoices.find((i) => i.Id === id);
  if (!entity) return objectNotFound(endpoint === 'customer' ? 'Customer' : 'Invoice', id, now);
  const key = endpoint === 'customer' ? 'Customer' : 'Invoice';
  return jsonReply(200, { [key]: entity, time: qboDateTime(now.getTime()) });
}

/**
 * `POST /invoice` as node-quickbooks sends it: create (no operation), `operation=update`
 * (sparse or full), `operation=void` and `operation=delete`, each with QBO's optimistic locking
 * (`SyncToken`). Every change sends its data change notification.
 */
function writeInvoice(ctx: QuickBooksContext, req: CompanyRequest, now: Date): HttpReply {
  const operation = req.query.get('operation');
  if (operation !== null && !['update', 'void', 'delete'].includes(operation))
    return unsupportedOperation(req.fullPath, now);
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(req.body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
    body = parsed as Record<string, unknown>;
  } catch {
    return invalidFault('2010', undefined, now);
  }
  const data = ctx.data();
  const time = qboDateTime(now.getTime());
  try {
    if (operation === null) {
      const invoice = createInvoice(data, body, now);
      ctx.events.invoice('Create', invoice.Id, now);
      return jsonReply(200, { Invoice: invoice, time });
    }
    const invoice = invoiceForWrite(data, body);
    if (!invoice) return objectNotFound('Invoice', String(body.Id), now);
    if (operation === 'delete') {
      deleteInvoice(data, invoice);
      ctx.events.invoice('Delete', invoice.Id, now);
      return jsonReply(200, {
        Invoice: { status: 'Deleted', domain: 'QBO', Id: invoice.Id },
        time,
      });
    }
    if (operation === 'void') voidInvoice(data, invoice, now);
    else updateInvoice(data, invoice, body, now);
    ctx.events.invoice(operation === 'void' ? 'Void' : 'Update', invoice.Id, now);
    return jsonReply(200, { Invoice: invoice, time });
  } catch (err) {
    if (err instanceof StaleInvoice) return staleObject(err.invoice, now);
    if (err instanceof InvoiceInvalid) return invalidFault(err.code, err, now);
    throw err;
  }
}

function invalidFault(code: string, err: InvoiceInvalid | undefined, now: Date): HttpReply {
  return fault(
    400,
    'ValidationFault',
    {
      Message: err?.message ?? 'Request has invalid or unsupported property',
      ...(err ? { Detail: err.detail } : {}),
      code,
    },
    now,
  );
}

function staleObject(invoice: Invoice, now: Date): HttpReply {
  const name = invoice.CustomerRef.name;
  return fault(
    400,
    'ValidationFault',
    {
      Message: 'Stale Object Error',
      Detail: `Stale Object Error : You and ${name ?? 'someone'} were working on this at the same time. ${name ?? 'Someone'} finished before you did, so your work was not saved.`,
      code: '5010',
      element: '',
    },
    now,
  );
}

/**
 * The part of the company's Preferences the gateway reads: the home currency (what an amount
 * without CurrencyRef is in). The demo company keeps its books in USD with multicurrency on.
 */
function companyPreferences(ctx: QuickBooksContext): Record<string, unknown> {
  const created = qboDateTime(new Date(ctx.options.now).getTime() - 900 * 86_400_000);
  return {
    CurrencyPrefs: { MultiCurrencyEnabled: true, HomeCurrency: { value: HOME_CURRENCY } },
    domain: 'QBO',
    sparse: false,
    Id: '1',
    SyncToken: '0',
    MetaData: { CreateTime: created, LastUpdatedTime: created },
  };
}

function parseFault(detail: string, now: Date): HttpReply {
  return fault(
    400,
    'ValidationFault',
    { Message: 'Error parsing query', Detail: detail, code: '4000' },
    now,
  );
}
