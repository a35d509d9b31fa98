import { lacksCurrency, toCustomer, toInvoice } from './qbo-records';

const row = {
  Id: '42',
  DocNumber: '1042',
  TxnDate: '2025-05-01',
  DueDate: '2025-05-31',
  TotalAmt: 1250.5,
  Balance: 250.5,
  CurrencyRef: { value: 'cad', name: 'Canadian Dollar' },
  CustomerRef: { value: '7', name: "O'Brien Ltd" },
  PrivateNote: 'Voided',
  MetaData: { CreateTime: '2025-05-01T09:00:00-08:00' },
};

describe('toInvoice', () => {
  it('keeps what the contract needs, the currency in upper case', () => {
    expect(toInvoice(row, null)).toEqual({
      id: '42',
      docNumber: '1042',
      txnDate: '2025-05-01',
      dueDate: '2025-05-31',
      totalAmt: 1250.5,
      balance: 250.5,
      currency: 'CAD',
      customerId: '7',
      customerName: "O'Brien Ltd",
      privateNote: 'Voided',
      createdAtMs: Date.parse('2025-05-01T17:00:00Z'),
    });
  });

  it("an invoice without CurrencyRef is in the company's home currency", () => {
    const { CurrencyRef: _omitted, ...withoutCurrency } = row;
    expect(lacksCurrency(withoutCurrency)).toBe(true);
    expect(lacksCurrency(row)).toBe(false);
    expect(toInvoice(withoutCurrency, 'GBP')?.currency).toBe('GBP');
  });

  it('optional fields absent are null; rows without Id, CustomerRef or TxnDate are dropped', () => {
    const minimal = {
      Id: '1',
      TxnDate: '2025-01-01',
      CustomerRef: { value: '3' },
      TotalAmt: 0,
      Balance: 0,
    };
    expect(toInvoice(minimal, 'USD')).toMatchObject({
      docNumber: null,
      dueDate: null,
      customerName: null,
      privateNote: null,
      createdAtMs: null,
    });
    expect(toInvoice({ ...minimal, Id: undefined }, 'USD')).toBeNull();
    expect(toInvoice({ ...minimal, CustomerRef: {} }, 'USD')).toBeNull();
    expect(toInvoice({ ...minimal, TxnDate: undefined }, 'USD')).toBeNull();
    expect(toInvoice('nonsense', 'USD')).toBeNull();
  });
});

describe('toCustomer', () => {
  it('reads Id, DisplayName and currency', () => {
    expect(toCustomer({ Id: '7', DisplayName: 'Acme', CurrencyRef: { value: 'USD' } })).toEqual({
      id: '7',
      displayName: 'Acme',
      currency: 'USD',
    });
    expect(toCustomer({ Id: '7' })).toBeNull();
  });
});
