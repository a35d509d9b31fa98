import type { Connection } from 'jsforce';
import {
  EventCollector,
  startCdcContractTarget,
  type CdcContractTarget,
  type StreamingClient,
} from '../../helpers/salesforce-cdc';
import type { ChangeEventData } from '../../../src/emulators/salesforce/cdc';

const ID18 = /^[a-zA-Z0-9]{18}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('Change Data Capture events over CometD (jsforce streaming)', () => {
  let target: CdcContractTarget;
  let conn: Connection;
  let adminId: string;
  let client: StreamingClient;
  const all = new EventCollector();
  const accounts = new EventCollector();
  const contacts = new EventCollector();

  beforeAll(async () => {
    target = await startCdcContractTarget();
    conn = await target.login('admin');
    adminId = (await conn.identity()).user_id;
    client = target.streamingClient(conn);
    await client.subscribe('/data/ChangeEvents', all.listener);
    await client.subscribe('/data/AccountChangeEvent', accounts.listener);
    await client.subscribe('/data/ContactChangeEvent', contacts.listener);
  });
  afterAll(async () => {
    await target.close();
  });
  beforeEach(() => {
    all.received.length = 0;
    accounts.received.length = 0;
    contacts.received.length = 0;
  });

  const header = (e: ChangeEventData) => e.payload.ChangeEventHeader;

  it('a create reaches both channels with the full header and the non-null fields', async () => {
    const { id } = (await conn
      .sobject('Account')
      .create({ Name: 'CDC Create', Industry: 'Energy', BillingCity: 'Paris' })) as { id: string };
    const [event] = await all.waitFor(1);
    const [onObjectChannel] = await accounts.waitFor(1);
    expect(onObjectChannel).toEqual(event);
    expect(event.schema).toMatch(/^[\w-]{22}$/);
    expect(event.event.replayId).toEqual(expect.any(Number));
    expect(header(event)).toEqual({
      entityName: 'Account',
      recordIds: [id],
      changeType: 'CREATE',
      changedFields: [],
      changeOrigin: 'com/salesforce/api/rest/59.0',
      transactionKey: expect.any(String),
      sequenceNumber: 1,
      commitTimestamp: expect.any(Number),
      commitNumber: expect.any(Number),
      commitUser: adminId,
      diffFields: [],
      nulledFields: [],
    });
    expect(Math.abs(header(event).commitTimestamp - Date.now())).toBeLessThan(60_000);
    const { ChangeEventHeader: _h, ...fields } = event.payload;
    expect(fields).toEqual({
      Name: 'CDC Create',
      Industry: 'Energy',
      BillingAddress: { City: 'Paris' },
      OwnerId: adminId,
      CreatedById: adminId,
      LastModifiedById: adminId,
      CreatedDate: expect.stringMatching(ISO),
      LastModifiedDate: expect.stringMatching(ISO),
      // A checkbox is never null: the demo org's custom checkbox is created false.
      Is_Strategic__c: false,
    });
    // Contacts subscribers get nothing for an account.
    expect(await contacts.settle(200)).toEqual([]);
  });

  it('an update carries only the changed fields, listed in changedFields (compound parts dotted)', async () => {
    const { id } = (await conn.sobject('Account').create({ Name: 'CDC Update' })) as { id: string };
    await all.waitFor(1);
    all.received.length = 0;
    await conn.sobject('Account').update({ Id: id, Industry: 'Banking', BillingCity: 'Lyon' });
    const [event] = await all.waitFor(1);
    expect(header(event)).toMatchObject({ changeType: 'UPDATE', recordIds: [id] });
    expect(new Set(header(event).changedFields)).toEqual(
      new Set(['Industry', 'BillingAddress.City', 'LastModifiedDate']),
    );
    const { ChangeEventHeader: _h, ...fields } = event.payload;
    expect(fields).toEqual({
      Industry: 'Banking',
      BillingAddress: { City: 'Lyon' },
      LastModifiedDate: expect.stringMatching(ISO),
    });
  });

  it("a contact's name is the compound Name {FirstName, LastName}", async () => {
    const { id } = (await conn
      .sobject('Contact')
      .create({ FirstName: 'Ada', LastName: 'Lovelace' })) as { id: string };
    const [created] = await contacts.waitFor(1);
    expect(created.payload).toMatchObject({ Name: { FirstName: 'Ada', LastName: 'Lovelace' } });
    expect(created.payload).not.toHaveProperty('FirstName');
    expect(created.payload).not.toHaveProperty('LastName');
    await conn.sobject('Contact').update({ Id: id, FirstName: 'Augusta' });
    const [, updated] = await contacts.waitFor(2);
    expect(header(updated).changedFields).toEqual(
      expect.arrayContaining(['Name.FirstName', 'LastModifiedDate']),
    );
    expect(header(updated).changedFields).not.toContain('Name');
    expect(updated.payload.Name).toEqual({ FirstName: 'Augusta' });
  });

  it('delete sends no field values; undelete sends the record again', async () => {
    const { id } = (await conn.sobject('Account').create({ Name: 'CDC Bin' })) as { id: string };
    await all.waitFor(1);
    await conn.sobject('Account').destroy(id);
    const [, deleted] = await all.waitFor(2);
    expect(header(deleted)).toMatchObject({
      changeType: 'DELETE',
      recordIds: [id],
      changedFields: [],
    });
    expect(Object.keys(deleted.payload)).toEqual(['ChangeEventHeader']);
    // The REST API has no undelete; the emulator's store is the org's other write path.
    const admin = target.emulator.store.userById(adminId);
    if (!admin) throw new Error('admin user missing');
    target.emulator.store.undelete(id, admin);
    const [, , undeleted] = await all.waitFor(3);
    expect(header(undeleted)).toMatchObject({ changeType: 'UNDELETE', recordIds: [id] });
    expect(undeleted.payload).toMatchObject({ Name: 'CDC Bin', OwnerId: adminId });
  });

  it('a collection update with identical changes is one event with every record id', async () => {
    const created = (await conn
      .sobject('Account')
      .create([{ Name: 'CDC Bulk A' }, { Name: 'CDC Bulk B' }])) as Array<{
      id: string;
      success: boolean;
    }>;
    const ids = created.map((r) => r.id);
    const creates = await all.waitFor(2);
    // One transaction, two different creates: two events, one transactionKey, sequence 1, 2.
    expect(creates.map((e) => header(e).recordIds)).toEqual([[ids[0]], [ids[1]]]);
    expect(header(creates[1]).transactionKey).toBe(header(creates[0]).transactionKey);
    expect(creates.map((e) => header(e).sequenceNumber)).toEqual([1, 2]);
    expect(header(creates[1]).commitNumber).toBe(header(creates[0]).commitNumber);
    all.received.length = 0;
    const results = (await conn
      .sobject('Account')
      .update(ids.map((Id) => ({ Id, Industry: 'Energy' })))) as Array<{ success: boolean }>;
    expect(results.map((r) => r.success)).toEqual([true, true]);
    const [event] = await all.waitFor(1);
    expect(header(event)).toMatchObject({
      changeType: 'UPDATE',
      recordIds: ids,
      sequenceNumber: 1,
    });
    expect(header(event).transactionKey).not.toBe(header(creates[0]).transactionKey);
    expect(header(event).commitNumber).toBeGreaterThan(header(creates[0]).commitNumber);
    expect(await all.settle(200)).toHaveLength(1);
  });

  it('lead conversion is one transaction: account, contact, opportunity and lead events', async () => {
    const { id: leadId } = (await conn
      .sobject('Lead')
      .create({ FirstName: 'Grace', LastName: 'Hopper', Company: 'CDC Navy' })) as { id: string };
    await all.waitFor(1);
    all.received.length = 0;
    await conn.soap.convertLead({ leadId, convertedStatus: 'Closed - Converted' });
    const events = await all.waitFor(4);
    const entities = events.map((e) => `${header(e).entityName}:${header(e).changeType}`);
    expect(new Set(entities)).toEqual(
      new Set(['Account:CREATE', 'Contact:CREATE', 'Opportunity:CREATE', 'Lead:UPDATE']),
    );
    expect(new Set(events.map((e) => header(e).transactionKey)).size).toBe(1);
    expect(events.map((e) => header(e).sequenceNumber)).toEqual([1, 2, 3, 4]);
    const lead = events.find((e) => header(e).entityName === 'Lead');
    expect(lead?.payload).toMatchObject({ IsConverted: true, Status: 'Closed - Converted' });
    expect(header(lead as ChangeEventData).recordIds).toEqual([leadId]);
    const contact = events.find((e) => header(e).entityName === 'Contact');
    expect(contact?.payload.Name).toEqual({ FirstName: 'Grace', LastName: 'Hopper' });
    expect(contacts.received).toHaveLength(1);
  });

  it('replay ids only grow, and are not contiguous', async () => {
    await conn.sobject('Account').create([{ Name: 'R1' }, { Name: 'R2' }, { Name: 'R3' }]);
    const ids = (await all.waitFor(3)).map((e) => e.event.replayId);
    expect(ids[1]).toBeGreaterThan(ids[0]);
    expect(ids[2]).toBeGreaterThan(ids[1]);
    const retained = (await target.events()).map((e) => e.replayId);
    const steps = retained.slice(1).map((id, i) => id - retained[i]);
    expect(steps.every((s) => s > 0)).toBe(true);
    expect(steps.some((s) => s > 1)).toBe(true);
  });

  it('the admin knob emits GAP events with record ids and no field values', async () => {
    const { id } = (await conn.sobject('Account').create({ Name: 'CDC Gap' })) as { id: string };
    await all.waitFor(1);
    all.received.length = 0;
    await target.gap('GAP_UPDATE', 'Account', [id]);
    const [gap] = await all.waitFor(1);
    expect(header(gap)).toMatchObject({
      entityName: 'Account',
      changeType: 'GAP_UPDATE',
      recordIds: [id],
      changedFields: [],
      changeOrigin: '',
      sequenceNumber: 1,
    });
    expect(Object.keys(gap.payload)).toEqual(['ChangeEventHeader']);
    const [, onObjectChannel] = await accounts.waitFor(2);
    expect(onObjectChannel).toEqual(gap);
  });

  it('GAP_OVERFLOW names the entity and carries only the empty record id', async () => {
    await target.gap('GAP_OVERFLOW', 'Contact', []);
    const [overflow] = await contacts.waitFor(1);
    expect(header(overflow)).toMatchObject({
      entityName: 'Contact',
      changeType: 'GAP_OVERFLOW',
      recordIds: ['000000000000000AAA'],
    });
    expect(Object.keys(overflow.payload)).toEqual(['ChangeEventHeader']);
    expect(await all.waitFor(1)).toEqual([overflow]);
  });

  it('the gap knob rejects an object without CDC and a gap without record ids', async () => {
    await expect(target.gap('GAP_CREATE', 'Invoice', ['001000000000001AAA'])).rejects.toThrow(
      /400.*not enabled for Change Data Capture/,
    );
    await expect(target.gap('GAP_CREATE', 'Account', [])).rejects.toThrow(/400.*recordIds/);
    expect(await all.settle(200)).toEqual([]);
  });

  it('records written by other users are reported with them as commitUser', async () => {
    const rep = await target.login('rep1');
    const repId = (await rep.identity()).user_id;
    await rep.sobject('Opportunity').create({
      Name: 'CDC Deal',
      StageName: 'Prospecting',
      CloseDate: '2030-01-31',
      Amount: 1000,
    });
    const [event] = await all.waitFor(1);
    expect(header(event)).toMatchObject({ entityName: 'Opportunity', commitUser: repId });
    expect(event.payload).toMatchObject({ StageName: 'Prospecting', Amount: 1000, OwnerId: repId });
    expect(header(event).recordIds).toEqual([expect.stringMatching(ID18)]);
  });
});
