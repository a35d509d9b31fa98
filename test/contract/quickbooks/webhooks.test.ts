import { createHmac } from 'node:crypto';
import type QuickBooks from 'node-quickbooks';
import type { Invoice, RunningQuickBooksEmulator } from '../../../src/emulators/quickbooks';
import {
  admin,
  call,
  connectQuickBooks,
  failure,
  faultOf,
  startQuickBooks,
} from '../../helpers/quickbooks-target';
import {
  startWebhookReceiver,
  webhookAdmin,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../../helpers/webhook-receiver';

// Intuit data change notifications, verified as Intuit documents it: base64
// HMAC-SHA256(verifier token, raw body) in `intuit-signature`.
const VERIFIER_TOKEN = 'c2a6d4d0-qbo-verifier-token';

interface Notification {
  eventNotifications: Array<{
    realmId: string;
    dataChangeEvent: {
      entities: Array<{ name: string; id: string; operation: string; lastUpdated: string }>;
    };
  }>;
}

function verifies(request: ReceivedWebhook, body = request.rawBody, token = VERIFIER_TOKEN) {
  const expected = createHmac('sha256', token).update(body).digest('base64');
  return request.headers['intuit-signature'] === expected;
}

/** The one entity of a verified notification. */
function entityOf(request: ReceivedWebhook) {
  expect(verifies(request)).toBe(true);
  const { eventNotifications } = JSON.parse(request.rawBody) as Notification;
  expect(eventNotifications).toHaveLength(1);
  expect(eventNotifications[0]?.realmId).toBe(emulator.realmId);
  const entities = eventNotifications[0]?.dataChangeEvent.entities ?? [];
  expect(entities).toHaveLength(1);
  return entities[0];
}

let emulator: RunningQuickBooksEmulator;
let qbo: QuickBooks;
let receiver: WebhookReceiver;
let hooks: ReturnType<typeof webhookAdmin>;

beforeAll(async () => {
  emulator = await startQuickBooks();
  hooks = webhookAdmin(emulator.url);
});

beforeEach(async () => {
  // A reset revokes every token: each test connects anew.
  qbo = await connectQuickBooks(emulator);
  receiver = await startWebhookReceiver();
  emulator.configureWebhooks({ url: receiver.url, secret: VERIFIER_TOKEN });
  emulator.webhooks.resetStats();
});

afterEach(async () => {
  emulator.configureWebhooks(undefined);
  await emulator.webhooks.idle();
  await admin(emulator, 'reset', {});
});

describe('QuickBooks emulator webhooks', () => {
  it('notifies Create, Update, Void and Delete of invoices written through node-quickbooks', async () => {
    const customer = emulator.seed.customers[0]!;
    const created = await call<Invoice>((cb) =>
      qbo.createInvoice(
        {
          CustomerRef: { value: customer.Id },
          Line: [
            {
              Amount: 300,
              DetailType: 'SalesItemLineDetail',
              SalesItemLineDetail: { ItemRef: { value: '1', name: 'Services' }, Qty: 2 },
            },
          ],
        } as never,
        cb as never,
      ),
    );
    expect(created).toMatchObject({
      TotalAmt: 300,
      Balance: 300,
      SyncToken: '0',
      CustomerRef: { value: customer.Id },
    });
    const read = await call<Invoice>((cb) => qbo.getInvoice(created.Id, cb as never));
    expect(read.Id).toBe(created.Id);

    const updated = await call<Invoice>((cb) =>
      qbo.updateInvoice(
        { Id: created.Id, SyncToken: created.SyncToken, Balance: 100 } as never,
        cb as never,
      ),
    );
    expect(updated).toMatchObject({ Balance: 100, SyncToken: '1' });
    await call((cb) => qbo.voidInvoice(created.Id, cb as never));
    const other = emulator.seed.invoices[1]!;
    const deleted = await call<{ Invoice: { status: string } }>((cb) =>
      qbo.deleteInvoice(other.Id, cb as never),
    );
    expect(deleted.Invoice).toMatchObject({ status: 'Deleted', Id: other.Id });

    const entities = (await receiver.waitForDelivered(4)).map(entityOf);
    expect(entities).toEqual([
      { name: 'Invoice', id: created.Id, operation: 'Create', lastUpdated: expect.any(String) },
      { name: 'Invoice', id: created.Id, operation: 'Update', lastUpdated: expect.any(String) },
      { name: 'Invoice', id: created.Id, operation: 'Void', lastUpdated: expect.any(String) },
      { name: 'Invoice', id: other.Id, operation: 'Delete', lastUpdated: expect.any(String) },
    ]);
    expect(Number.isNaN(Date.parse(entities[0]?.lastUpdated ?? ''))).toBe(false);
    expect(entities[0]?.lastUpdated).toBe(created.MetaData.LastUpdatedTime);
    const gone = faultOf(await failure(call((cb) => qbo.getInvoice(other.Id, cb as never))));
    expect(gone.status).toBe(400);
  });

  it('fails verification for a tampered body or another token', async () => {
    await call((cb) => qbo.voidInvoice(emulator.seed.invoices[0]!.Id, cb as never));
    const [request] = await receiver.waitForDelivered(1);
    const raw = request?.rawBody ?? '';
    expect(verifies(request as ReceivedWebhook)).toBe(true);
    expect(verifies(request as ReceivedWebhook, raw.replace('"Void"', '"Create"'))).toBe(false);
    expect(verifies(request as ReceivedWebhook, raw, 'other-token')).toBe(false);
  });

  it('sends nothing for a refused write, and retries a 500', async () => {
    const invoice = emulator.seed.invoices[0]!;
    const stale = faultOf(
      await failure(
        call((cb) => qbo.updateInvoice({ Id: invoice.Id, SyncToken: '9' } as never, cb as never)),
      ),
    );
    expect(stale.error.code).toBe('5010');
    receiver.answerNext(502);
    await call((cb) => qbo.voidInvoice(invoice.Id, cb as never));
    const [request] = await receiver.waitForDelivered(1);
    await emulator.webhooks.idle();
    expect(receiver.requests.map((r) => r.status)).toEqual([502, 200]);
    expect(entityOf(request as ReceivedWebhook)).toMatchObject({ operation: 'Void' });
    expect(await hooks.status()).toEqual({
      url: receiver.url,
      sent: 1,
      failed: 0,
      retried: 1,
      lastStatus: 200,
      pending: 0,
    });
  });

  it('is configured over the admin API (never showing the token) and silent when unset', async () => {
    emulator.configureWebhooks(undefined);
    await call((cb) => qbo.voidInvoice(emulator.seed.invoices[0]!.Id, cb as never));
    await emulator.webhooks.idle();
    expect(emulator.webhooks.status()).toMatchObject({ url: null, sent: 0 });
    const configured = await hooks.configure({ url: receiver.url, secret: 'qbo-admin-token' });
    expect(JSON.stringify(configured.body) + JSON.stringify(await hooks.status())).not.toContain(
      'qbo-admin-token',
    );
    await call((cb) => qbo.voidInvoice(emulator.seed.invoices[1]!.Id, cb as never));
    const [request] = await receiver.waitForDelivered(1);
    expect(receiver.requests).toHaveLength(1);
    expect(verifies(request as ReceivedWebhook, request?.rawBody, 'qbo-admin-token')).toBe(true);
  });

  it('triggers a new invoice for a customer, or a change of an existing one', async () => {
    const customer = emulator.seed.customers[0]!;
    const made = await hooks.trigger({ customerId: customer.Id });
    expect(made.status).toBe(200);
    const invoice = await call<Invoice>((cb) =>
      qbo.getInvoice(made.body.id as string, cb as never),
    );
    expect(invoice.CustomerRef.value).toBe(customer.Id);
    const linked = emulator.seed.links.flatMap((l) => (l.customerId ? [l.customerId] : []));
    const random = await hooks.trigger({});
    const randomInvoice = await call<Invoice>((cb) =>
      qbo.getInvoice(random.body.id as string, cb as never),
    );
    expect(linked).toContain(randomInvoice.CustomerRef.value);

    const paid = await hooks.trigger({ invoiceId: invoice.Id });
    expect(paid.body).toMatchObject({ id: invoice.Id, operation: 'Update' });
    const after = await call<Invoice>((cb) => qbo.getInvoice(invoice.Id, cb as never));
    expect(after.Balance).toBe(0);
    const deleted = await hooks.trigger({ invoiceId: invoice.Id, operation: 'Delete' });

    const entities = (await receiver.waitForDelivered(4)).map(entityOf);
    expect(entities.map((e) => [e?.id, e?.operation])).toEqual([
      [invoice.Id, 'Create'],
      [randomInvoice.Id, 'Create'],
      [invoice.Id, 'Update'],
      [invoice.Id, 'Delete'],
    ]);
    expect([made, random, paid, deleted].every((r) => typeof r.body.eventId === 'string')).toBe(
      true,
    );
    expect((await hooks.trigger({ invoiceId: 'nope' })).status).toBe(404);
    expect((await hooks.trigger({ customerId: 'nope' })).status).toBe(404);
    expect((await hooks.trigger({ invoiceId: invoice.Id, operation: 'Merge' })).status).toBe(400);
  });
});
