import { createHmac } from 'node:crypto';
import type { Ticket } from '../../../src/emulators/zendesk';
import { DEMO_ZENDESK_ACCOUNT_ID, DEMO_ZENDESK_ADMIN } from '../../../src/emulators/zendesk';
import {
  asRecord,
  organizationsByTickets,
  rejection,
  startZendeskTarget,
  type ZendeskTarget,
} from '../../helpers/zendesk-emulator';
import {
  startWebhookReceiver,
  webhookAdmin,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../../helpers/webhook-receiver';

// Zendesk event webhooks for tickets, verified as Zendesk documents it: base64
// HMAC-SHA256(secret, timestamp + body) (https://developer.zendesk.com/documentation/webhooks/verifying/).
const SECRET = 'dGhpc19pc19hX3plbmRlc2tfc2lnbmluZ19zZWNyZXQ=';

interface ZendeskEvent {
  type: string;
  account_id: number;
  id: string;
  time: string;
  zendesk_event_version: string;
  subject: string;
  detail: Record<string, unknown>;
  event: Record<string, unknown>;
}

function verifies(request: ReceivedWebhook, body = request.rawBody, secret = SECRET): boolean {
  const timestamp = request.headers['x-zendesk-webhook-signature-timestamp'] as string;
  const expected = createHmac('sha256', secret)
    .update(timestamp + body)
    .digest('base64');
  return request.headers['x-zendesk-webhook-signature'] === expected;
}

function eventOf(request: ReceivedWebhook): ZendeskEvent {
  expect(verifies(request)).toBe(true);
  return JSON.parse(request.rawBody) as ZendeskEvent;
}

let target: ZendeskTarget;
let receiver: WebhookReceiver;
let admin: ReturnType<typeof webhookAdmin>;
let organizationId: number;

beforeAll(async () => {
  target = await startZendeskTarget();
  admin = webhookAdmin(target.emulator.url);
  [organizationId] = organizationsByTickets(target.emulator) as [number];
});

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  target.emulator.configureWebhooks({ url: receiver.url, secret: SECRET });
  target.emulator.webhooks.resetStats();
});

afterEach(async () => {
  target.emulator.configureWebhooks(undefined);
  await target.emulator.webhooks.idle();
  await target.admin.reset();
});

const strict = () => target.client({ throwOriginalException: true });

describe('Zendesk emulator webhooks', () => {
  it('sends ticket.created for a ticket made through node-zendesk, signed as Zendesk signs', async () => {
    const { result } = await strict().tickets.create({
      ticket: {
        subject: 'Printer on fire',
        comment: { body: 'The printer is on fire.' },
        priority: 'high',
        organization_id: organizationId,
      },
    });
    const created = asRecord<Ticket>(result);
    expect(created).toMatchObject({ subject: 'Printer on fire', status: 'new', priority: 'high' });
    const [request] = await receiver.waitForDelivered(1);
    const event = eventOf(request as ReceivedWebhook);
    expect(event).toEqual({
      type: 'zen:event-type:ticket.created',
      account_id: DEMO_ZENDESK_ACCOUNT_ID,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      zendesk_event_version: '2022-11-06',
      subject: `zen:ticket:${created.id}`,
      detail: expect.objectContaining({
        id: String(created.id),
        subject: 'Printer on fire',
        description: 'The printer is on fire.',
        status: 'NEW',
        priority: 'HIGH',
        organization_id: String(organizationId),
        requester_id: String(DEMO_ZENDESK_ADMIN.id),
        actor_id: String(DEMO_ZENDESK_ADMIN.id),
        created_at: created.created_at,
        updated_at: created.updated_at,
        via: { channel: 'api' },
      }),
      event: { meta: { sequence: expect.objectContaining({ position: 1 }) } },
    });
    expect(request?.headers).toMatchObject({
      'content-type': expect.stringMatching(/^application\/json/),
      'x-zendesk-webhook-id': expect.stringMatching(/^01J[0-9A-Z]{23}$/),
      'x-zendesk-webhook-invocation-id': expect.any(String),
    });
    // The ticket exists for readers too.
    const shown = await strict().tickets.show(created.id);
    expect(asRecord<Ticket>(shown.result).id).toBe(created.id);
  });

  it('fails verification for a tampered body or another secret', async () => {
    await strict().tickets.create({ ticket: { comment: { body: 'Tamper test' } } });
    const [request] = await receiver.waitForDelivered(1);
    const raw = request?.rawBody ?? '';
    expect(verifies(request as ReceivedWebhook)).toBe(true);
    expect(verifies(request as ReceivedWebhook, raw.replace('Tamper', 'Tampered'))).toBe(false);
    expect(verifies(request as ReceivedWebhook, raw, 'another-secret')).toBe(false);
  });

  it('sends one event per update: status_changed with current and previous, then priority_changed', async () => {
    const ticket = target.emulator.store.tickets().find((t) => t.status === 'new') as Ticket;
    const { result } = await strict().tickets.update(ticket.id, {
      ticket: { status: 'open', priority: 'urgent' },
    });
    expect(asRecord<Ticket>(result)).toMatchObject({ status: 'open', priority: 'urgent' });
    await strict().tickets.update(ticket.id, { ticket: { priority: 'low' } });
    // No change, no event.
    await strict().tickets.update(ticket.id, { ticket: { priority: 'low' } });
    await strict().tickets.update(ticket.id, { ticket: { comment: { body: 'We are on it.' } } });
    const events = (await receiver.waitForDelivered(3)).map(eventOf);
    await target.emulator.webhooks.idle();
    expect(receiver.requests).toHaveLength(3);
    expect(events.map((e) => e.type)).toEqual([
      'zen:event-type:ticket.status_changed',
      'zen:event-type:ticket.priority_changed',
      'zen:event-type:ticket.comment_added',
    ]);
    expect(events[0]?.event).toMatchObject({ current: 'OPEN', previous: 'NEW' });
    expect(events[0]?.detail).toMatchObject({ status: 'OPEN', priority: 'URGENT' });
    expect(events[1]?.event).toMatchObject({ current: 'LOW', previous: 'URGENT' });
    expect(events[2]?.event).toMatchObject({ comment: { body: 'We are on it.' } });
    expect(new Set(events.map((e) => e.subject))).toEqual(new Set([`zen:ticket:${ticket.id}`]));
  });

  it('refuses bad writes with 422 and sends nothing for them', async () => {
    const open = target.emulator.store.tickets().find((t) => t.status === 'open') as Ticket;
    const noComment = await rejection(strict().tickets.create({ ticket: { subject: 'x' } }));
    expect(noComment.statusCode).toBe(422);
    const badStatus = await rejection(
      strict().tickets.update(open.id, { ticket: { status: 'exploded' as 'open' } }),
    );
    expect(badStatus.statusCode).toBe(422);
    const closed = target.emulator.store.tickets().find((t) => t.status === 'closed') as Ticket;
    const locked = await rejection(
      strict().tickets.update(closed.id, { ticket: { status: 'open' } }),
    );
    expect(locked.statusCode).toBe(422);
    // The next good write's event is the first the receiver sees.
    await strict().tickets.update(open.id, { ticket: { subject: 'Renamed' } });
    const [request] = await receiver.waitForDelivered(1);
    expect(receiver.requests).toHaveLength(1);
    expect(eventOf(request as ReceivedWebhook).type).toBe('zen:event-type:ticket.subject_changed');
  });

  it('retries a 500 with the same invocation id and counts it', async () => {
    receiver.answerNext(500);
    await strict().tickets.create({ ticket: { comment: { body: 'Retry me' } } });
    await receiver.waitForDelivered(1);
    await target.emulator.webhooks.idle();
    const [first, second] = receiver.requests;
    expect([first?.status, second?.status]).toEqual([500, 200]);
    expect(first?.rawBody).toBe(second?.rawBody);
    expect(first?.headers['x-zendesk-webhook-invocation-id']).toBe(
      second?.headers['x-zendesk-webhook-invocation-id'],
    );
    expect(await admin.status()).toEqual({
      url: receiver.url,
      sent: 1,
      failed: 0,
      retried: 1,
      lastStatus: 200,
      pending: 0,
    });
  });

  it('is configured over the admin API, which never shows the secret, and is silent when unset', async () => {
    target.emulator.configureWebhooks(undefined);
    await strict().tickets.create({ ticket: { comment: { body: 'Nobody hears this' } } });
    await target.emulator.webhooks.idle();
    expect(target.emulator.webhooks.status()).toMatchObject({ url: null, sent: 0 });

    const configured = await admin.configure({ url: receiver.url, secret: 'zd-secret' });
    expect(configured.status).toBe(200);
    expect(JSON.stringify(configured.body) + JSON.stringify(await admin.status())).not.toContain(
      'zd-secret',
    );
    await strict().tickets.create({ ticket: { comment: { body: 'Somebody hears this' } } });
    const [request] = await receiver.waitForDelivered(1);
    expect(receiver.requests).toHaveLength(1);
    expect(verifies(request as ReceivedWebhook, request?.rawBody, 'zd-secret')).toBe(true);
    expect(JSON.parse(request?.rawBody ?? '')).toMatchObject({
      detail: { description: 'Somebody hears this' },
    });
  });

  it('triggers a new ticket for an organization, or an update of an existing ticket', async () => {
    const made = await admin.trigger({ organizationId });
    expect(made.status).toBe(200);
    const ticketId = made.body.id as number;
    const ticket = target.emulator.store.ticket(ticketId) as Ticket;
    expect(ticket).toMatchObject({ organization_id: organizationId, status: 'new' });

    const random = await admin.trigger({});
    expect(target.emulator.store.ticket(random.body.id as number)?.organization_id).toEqual(
      expect.any(Number),
    );

    const advanced = await admin.trigger({ ticketId });
    expect(advanced.body).toMatchObject({ id: ticketId, type: 'status' });
    const solved = await admin.trigger({ ticketId, status: 'solved' });
    expect(target.emulator.store.ticket(ticketId)?.status).toBe('solved');

    const events = (await receiver.waitForDelivered(4)).map(eventOf);
    expect(events.map((e) => [e.id, e.type])).toEqual([
      [made.body.eventId, 'zen:event-type:ticket.created'],
      [random.body.eventId, 'zen:event-type:ticket.created'],
      [advanced.body.eventId, 'zen:event-type:ticket.status_changed'],
      [solved.body.eventId, 'zen:event-type:ticket.status_changed'],
    ]);
    expect(events[0]?.detail).toMatchObject({ organization_id: String(organizationId) });
    expect(events[2]?.event).toMatchObject({ previous: 'NEW', current: 'OPEN' });
    expect(events[3]?.event).toMatchObject({ previous: 'OPEN', current: 'SOLVED' });

    expect((await admin.trigger({ ticketId: 999_999 })).status).toBe(404);
    expect((await admin.trigger({ organizationId: 1 })).status).toBe(404);
    expect((await admin.trigger({ ticketId, status: 'exploded' })).status).toBe(422);
  });
});
