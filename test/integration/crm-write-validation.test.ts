import type { Connection } from 'jsforce';
import type { TestGateway } from '../helpers/gateway';
import { startGatewayWithDirectSession, type SalesforceRow } from '../helpers/salesforce-direct';

type GraphQLErrors = Array<{ message: string; extensions?: Record<string, unknown> }>;

const CREATE_OPPORTUNITY = `mutation ($input: OpportunityCreateInput!) {
  createOpportunity(input: $input) { id probability }
}`;
const UPDATE_OPPORTUNITY = `mutation ($id: ID!, $input: OpportunityUpdateInput!) {
  updateOpportunity(id: $id, input: $input) { id probability stageName }
}`;

/**
 * Write errors speak the graph: `extensions.fields` names what the input calls a field
 * (`stageName`), not Salesforce (`StageName`); and a probability outside 0–100 never leaves.
 */
describe('write validation over HTTP', () => {
  let gw: TestGateway;
  let sf: Connection;
  let opportunity: SalesforceRow;

  function only(errors: GraphQLErrors | undefined): NonNullable<GraphQLErrors[number]> {
    expect(errors).toHaveLength(1);
    return errors![0]!;
  }

  async function opportunityRow(id: string): Promise<SalesforceRow> {
    const [row] = (
      await sf.query<SalesforceRow>(
        `SELECT Id, Name, StageName, Probability FROM Opportunity WHERE Id = '${id}'`,
      )
    ).records;
    return row!;
  }

  async function countNamed(name: string): Promise<number> {
    return (await sf.query(`SELECT COUNT() FROM Opportunity WHERE Name = '${name}'`)).totalSize;
  }

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 0.2 }));
    opportunity = (
      await sf.query<SalesforceRow>(
        'SELECT Id, StageName, Probability FROM Opportunity WHERE IsClosed = false AND Probability != null LIMIT 1',
      )
    ).records[0]!;
  }, 60_000);

  describe('extensions.fields', () => {
    it('REQUIRED_FIELD_MISSING names stageName, keeping StageName under upstream', async () => {
      const res = await gw.graphql(UPDATE_OPPORTUNITY, {
        id: opportunity.Id,
        input: { stageName: null },
      });
      const error = only(res.errors);
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['stageName'],
        upstream: { errorCode: 'REQUIRED_FIELD_MISSING', fields: ['StageName'] },
      });
      expect((await opportunityRow(opportunity.Id)).StageName).toBe(opportunity.StageName);
    });

    it('a restricted picklist value names stageName', async () => {
      const res = await gw.graphql(CREATE_OPPORTUNITY, {
        input: { name: 'Picklist check', stageName: 'Not A Stage', closeDate: '2026-03-01' },
      });
      const error = only(res.errors);
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['stageName'],
        upstream: { fields: ['StageName'] },
      });
      expect(await countNamed('Picklist check')).toBe(0);
    });

    it('names closeDate and, on a contact, lastName the same way', async () => {
      const close = await gw.graphql(UPDATE_OPPORTUNITY, {
        id: opportunity.Id,
        input: { closeDate: null },
      });
      expect(only(close.errors).extensions!.fields).toEqual(['closeDate']);
      const contact = (await sf.query<SalesforceRow>('SELECT Id FROM Contact LIMIT 1')).records[0]!;
      const res = await gw.graphql(
        'mutation ($id: ID!) { updateContact(id: $id, input: { lastName: null }) { id } }',
        { id: contact.Id },
      );
      expect(only(res.errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['lastName'],
        upstream: { fields: ['LastName'] },
      });
    });
  });

  describe('probability', () => {
    it.each([150, 100.5, -1, -0.01])(
      'create with probability %d is BAD_USER_INPUT before any call, nothing written',
      async (probability) => {
        await gw.resetEmulatorStats();
        const name = `Probability ${probability}`;
        const res = await gw.graphql(CREATE_OPPORTUNITY, {
          input: { name, stageName: 'Prospecting', closeDate: '2026-03-01', probability },
        });
        const error = only(res.errors);
        expect(error.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          argument: 'input.probability',
          fields: ['probability'],
        });
        expect(error.message).toBe(
          `probability must be between 0 and 100 (a percentage), got ${probability}`,
        );
        expect(res.data ?? null).toBeNull();
        expect((await gw.emulatorStats()).total).toBe(0);
        expect(await countNamed(name)).toBe(0);
      },
    );

    it('update with probability 101 is BAD_USER_INPUT and leaves the record as it was', async () => {
      await gw.resetEmulatorStats();
      const res = await gw.graphql(UPDATE_OPPORTUNITY, {
        id: opportunity.Id,
        input: { probability: 101 },
      });
      expect(only(res.errors).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['probability'],
      });
      expect((await gw.emulatorStats()).total).toBe(0);
      expect((await opportunityRow(opportunity.Id)).Probability).toBe(opportunity.Probability);
    });

    it('accepts the bounds 0 and 100', async () => {
      for (const probability of [0, 100]) {
        const res = await gw.graphql<{ updateOpportunity: { probability: number } }>(
          UPDATE_OPPORTUNITY,
          { id: opportunity.Id, input: { probability } },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.updateOpportunity.probability).toBe(probability);
        expect((await opportunityRow(opportunity.Id)).Probability).toBe(probability);
      }
    });
  });
});
