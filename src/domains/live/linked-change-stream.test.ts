import { AccessFilter, type SubscriberAccess } from '../../live/access-filter';
import type { LinkedChange } from '../../live/linked-changes';
import { MemoryPubSub } from '../../live/pubsub/memory-pubsub';
import { defineTopic } from '../../live/topics';
import { LinkedChangeStream } from './linked-change-stream';

const VISIBLE = '001000000000001AAA';
const HIDDEN = '001000000000002AAA';
const topic = defineTopic<LinkedChange<{ n: number }>>('linked.test');

function change(accountId: string, n: number): LinkedChange<{ n: number }> {
  return {
    service: 'stripe',
    eventId: `evt_${n}`,
    eventType: 'payment_intent.succeeded',
    accountId,
    record: { n },
    receivedAt: new Date(0).toISOString(),
  };
}

function access(canSee: SubscriberAccess['canSee']): SubscriberAccess {
  return { viewerKey: 'viewer', canSee, readableFields: () => 'ALL' };
}

async function streamOf(accountId: string | null, subscriber: SubscriberAccess) {
  const pubsub = new MemoryPubSub();
  const source = pubsub.asyncIterator([topic]);
  await source.ready;
  const stream = new LinkedChangeStream({
    source,
    accountId,
    access: subscriber,
    accessFilter: new AccessFilter({ ttlMs: 0 }),
  });
  return { pubsub, stream };
}

it('passes only changes of Accounts the subscriber can see, asked as the subscriber', async () => {
  const asked: string[][] = [];
  const { pubsub, stream } = await streamOf(
    null,
    access((type, ids) => {
      expect(type).toBe('ACCOUNT');
      asked.push([...ids]);
      return Promise.resolve(new Set(ids.filter((id) => id === VISIBLE)));
    }),
  );
  await pubsub.publish(topic, change(HIDDEN, 1));
  await pubsub.publish(topic, change(VISIBLE, 2));
  expect((await stream.next()).value?.record).toEqual({ n: 2 });
  expect(asked.flat()).toEqual([HIDDEN, VISIBLE]);
  await stream.return();
  expect((await stream.next()).done).toBe(true);
});

it('filters by the accountId argument before asking about access', async () => {
  let checks = 0;
  const { pubsub, stream } = await streamOf(
    VISIBLE,
    access((_type, ids) => {
      checks += 1;
      return Promise.resolve(new Set(ids));
    }),
  );
  await pubsub.publish(topic, change(HIDDEN, 1));
  await pubsub.publish(topic, change(VISIBLE, 2));
  expect((await stream.next()).value?.record).toEqual({ n: 2 });
  expect(checks).toBe(1);
  await stream.return();
});

it('drops a change whose access check fails (fail closed) and goes on with the next', async () => {
  let calls = 0;
  const { pubsub, stream } = await streamOf(
    null,
    access((_type, ids) => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new Error('Salesforce is down'))
        : Promise.resolve(new Set(ids));
    }),
  );
  await pubsub.publish(topic, change(VISIBLE, 1));
  await pubsub.publish(topic, change(VISIBLE, 2));
  expect((await stream.next()).value?.record).toEqual({ n: 2 });
  await stream.return();
});
