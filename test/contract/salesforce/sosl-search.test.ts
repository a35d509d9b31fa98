import type { Connection } from 'jsforce';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';
import { RecordJanitor, runTag, savedId, stringField } from '../../helpers/salesforce-records';

// SOSL through jsforce's conn.search(): GET /search?q=<sosl> → {searchRecords}. Every record
// here carries a per-run tag, so the searches only ever find rows this file created.
describeSalesforceContract('SOSL search (conn.search)', (target) => {
  let admin: Connection;
  let rep: Connection;
  let repId = '';
  const tag = runTag('ZZSO');
  const ids: Record<string, string> = {};
  const janitor = new RecordJanitor();

  const search = async (conn: Connection, sosl: string): Promise<unknown[]> =>
    (await conn.search(sosl)).searchRecords;
  const idsOf = (records: unknown[]): string[] => records.map((r) => stringField(r, 'Id') ?? '');

  beforeAll(async () => {
    admin = await target().connect('admin');
    if (target().kind === 'emulator') {
      rep = await target().connect('rep1');
      repId = rep.userInfo?.id ?? '';
    }
    const adminId = admin.userInfo?.id ?? '';
    ids.account = savedId(
      await admin.sobject('Account').create({ Name: `Zébra ${tag} Holdings`, OwnerId: adminId }),
    );
    ids.repAccount = savedId(
      await admin
        .sobject('Account')
        .create({ Name: `Rep ${tag} Partners`, OwnerId: repId || adminId }),
    );
    ids.contact = savedId(
      await admin.sobject('Contact').create({
        LastName: `Okafor${tag}`,
        Email: `amaka.${tag.toLowerCase()}@zebra-example.com`,
        Phone: '(415) 555-0199',
        Description: `Met at the ${tag} summit`,
        OwnerId: adminId,
      }),
    );
    ids.lead = savedId(
      await admin.sobject('Lead').create({
        LastName: 'Lindqvist',
        Company: `${tag} Analytics`,
        Status: 'Open - Not Contacted',
        OwnerId: adminId,
      }),
    );
    janitor.track('Contact', ids.contact);
    janitor.track('Lead', ids.lead);
    janitor.track('Account', ids.account, ids.repAccount);
  });
  afterAll(async () => {
    await janitor.flush(admin);
  });

  it('answers {searchRecords} with attributes {type, url} and the fields RETURNING asks for', async () => {
    const records = await search(
      admin,
      `FIND {${tag}} IN ALL FIELDS RETURNING Account(Id, Name), Contact(Id, Email), Lead(Id, Company)`,
    );
    expect(new Set(idsOf(records))).toEqual(
      new Set([ids.account, ids.repAccount, ids.contact, ids.lead]),
    );
    const account = records.find((r) => stringField(r, 'Id') === ids.account);
    expect(account).toEqual({
      attributes: {
        type: 'Account',
        url: `/services/data/v59.0/sobjects/Account/${ids.account}`,
      },
      Id: ids.account,
      Name: `Zébra ${tag} Holdings`,
    });
    const contact = records.find((r) => stringField(r, 'Id') === ids.contact);
    expect(Object.keys(contact as object).sort()).toEqual(['Email', 'Id', 'attributes']);
  });

  it('RETURNING limits the objects searched', async () => {
    const records = await search(admin, `FIND {${tag}} RETURNING Lead(Id)`);
    expect(idsOf(records)).toEqual([ids.lead]);
  });

  emulatorOnly('matching is case- and accent-insensitive, token by token', async () => {
    const lower = await search(admin, `FIND {zebra ${tag.toLowerCase()}} RETURNING Account(Id)`);
    expect(idsOf(lower)).toEqual([ids.account]);
    // A token must match whole: "Zéb" alone is not a word of the name.
    const partial = await search(
      admin,
      `FIND {Zéb} RETURNING Account(Id WHERE Name LIKE '%${tag}%')`,
    );
    expect(partial).toEqual([]);
  });

  emulatorOnly(
    '* matches the rest of a token at the end and inside a term; ? one character',
    async () => {
      const prefix = tag.slice(0, tag.length - 3);
      const trailing = await search(admin, `FIND {${prefix}*} RETURNING Account(Id)`);
      expect(new Set(idsOf(trailing))).toEqual(new Set([ids.account, ids.repAccount]));
      const middle = await search(admin, `FIND {Z*ra ${tag}} RETURNING Account(Id)`);
      expect(idsOf(middle)).toEqual([ids.account]);
      const one = await search(
        admin,
        `FIND {Lindq?ist} RETURNING Lead(Id WHERE Company LIKE '${tag}%')`,
      );
      expect(idsOf(one)).toEqual([ids.lead]);
    },
  );

  emulatorOnly(
    'words are ANDed, OR joins alternatives, a "phrase" needs its words in order',
    async () => {
      const both = await search(
        admin,
        `FIND {Holdings Zébra} RETURNING Account(Id WHERE Name LIKE '%${tag}%')`,
      );
      expect(idsOf(both)).toEqual([ids.account]);
      const phrase = await search(
        admin,
        `FIND {"Holdings Zébra"} RETURNING Account(Id WHERE Name LIKE '%${tag}%')`,
      );
      expect(phrase).toEqual([]);
      const inOrder = await search(admin, `FIND {"Zébra ${tag}"} RETURNING Account(Id)`);
      expect(idsOf(inOrder)).toEqual([ids.account]);
      const either = await search(
        admin,
        `FIND {Okafor${tag} OR ${tag} AND Analytics} RETURNING Contact(Id), Lead(Id)`,
      );
      expect(new Set(idsOf(either))).toEqual(new Set([ids.contact, ids.lead]));
    },
  );

  emulatorOnly('emails and phones are found by their parts or as typed', async () => {
    const email = await search(
      admin,
      `FIND {amaka.${tag.toLowerCase()}@zebra\\-example.com} RETURNING Contact(Id)`,
    );
    expect(idsOf(email)).toEqual([ids.contact]);
    const phone = await search(
      admin,
      `FIND {415\\-555\\-0199} IN PHONE FIELDS RETURNING Contact(Id WHERE LastName = 'Okafor${tag}')`,
    );
    expect(idsOf(phone)).toEqual([ids.contact]);
  });

  emulatorOnly('escaped reserved characters are literal text, not operators', async () => {
    // "\-" is a hyphen inside the term, not NOT; "\(" no group: the term still matches.
    const records = await search(admin, `FIND {\\(${tag}\\) \\-summit} RETURNING Contact(Id)`);
    expect(idsOf(records)).toEqual([ids.contact]);
  });

  emulatorOnly('WHERE and LIMIT inside RETURNING, and the overall LIMIT', async () => {
    const filtered = await search(
      admin,
      `FIND {${tag}} RETURNING Account(Id WHERE Name LIKE 'Rep%')`,
    );
    expect(idsOf(filtered)).toEqual([ids.repAccount]);
    const perObject = await search(
      admin,
      `FIND {${tag}} RETURNING Account(Id LIMIT 1), Contact(Id), Lead(Id)`,
    );
    expect(perObject).toHaveLength(3);
    // Objects are served in RETURNING order; the overall LIMIT leaves nothing for Lead.
    const overall = await search(
      admin,
      `FIND {${tag}} RETURNING Account(Id), Contact(Id), Lead(Id) LIMIT 3`,
    );
    expect(new Set(idsOf(overall))).toEqual(new Set([ids.account, ids.repAccount, ids.contact]));
    const zero = await search(admin, `FIND {${tag}} RETURNING Account(Id LIMIT 0), Lead(Id)`);
    expect(idsOf(zero)).toEqual([ids.lead]);
  });

  emulatorOnly('relevance: a name match outranks an email match, across objects', async () => {
    const records = await search(admin, `FIND {${tag}} RETURNING Contact(Id), Account(Id)`);
    // The Accounts match on Name (weight 3); the Contact's LastName is one token "okafor<tag>",
    // so it matches on Email (2) and Description (1): score 2, listed last despite RETURNING.
    expect(idsOf(records).slice(-1)).toEqual([ids.contact]);
  });

  emulatorOnly('a rep only finds the records they can see', async () => {
    const records = await search(rep, `FIND {${tag}} RETURNING Account(Id, OwnerId), Contact(Id)`);
    expect(records).toEqual([expect.objectContaining({ Id: ids.repAccount, OwnerId: repId })]);
  });

  emulatorOnly('a term shorter than two characters → INVALID_SEARCH', async () => {
    await expectSalesforceError(
      admin.search('FIND {a} RETURNING Account(Id)'),
      'INVALID_SEARCH',
      /longer than one character/,
    );
  });

  emulatorOnly('bad syntax → MALFORMED_SEARCH', async () => {
    await expectSalesforceError(
      admin.search('FIND acme RETURNING Account'),
      'MALFORMED_SEARCH',
      /braces/,
    );
    await expectSalesforceError(admin.search('FIND {acme) RETURNING Account'), 'MALFORMED_SEARCH');
    await expectSalesforceError(
      admin.search('FIND {acme} RETURNING Account(Id) LIMIT ten'),
      'MALFORMED_SEARCH',
    );
    await expectSalesforceError(admin.search('FIND {*acme}'), 'MALFORMED_SEARCH', /wildcard/);
    await expectSalesforceError(admin.search('FIND {acme OR}'), 'MALFORMED_SEARCH');
    // Reserved characters the emulator has no operator for must be escaped.
    await expectSalesforceError(admin.search('FIND {acme-corp}'), 'MALFORMED_SEARCH', /reserved/);
  });

  emulatorOnly(
    'an unknown field or object in RETURNING is INVALID_FIELD / INVALID_TYPE',
    async () => {
      await expectSalesforceError(
        admin.search('FIND {acme} RETURNING Account(Id, Nope__c)'),
        'INVALID_FIELD',
      );
      await expectSalesforceError(
        admin.search('FIND {acme} RETURNING Nope__c(Id)'),
        'INVALID_TYPE',
      );
    },
  );
});
