/** A reference to another entity, as QBO writes it: `{value: "123", name: "Acme"}`. */
export interface Ref {
  value: string;
  name?: string;
}

export interface MetaData {
  CreateTime: string;
  LastUpdatedTime: string;
}

/** The Customer fields the emulator keeps (QBO's names and nesting, minorversion 75). */
export interface Customer {
  Id: string;
  SyncToken: string;
  domain: 'QBO';
  sparse: false;
  MetaData: MetaData;
  DisplayName: string;
  FullyQualifiedName: string;
  PrintOnCheckName: string;
  CompanyName: string;
  PrimaryEmailAddr?: { Address: string };
  Balance: number;
  BalanceWithJobs: number;
  CurrencyRef: Ref;
  PreferredDeliveryMethod: 'Print' | 'Email' | 'None';
  Taxable: boolean;
  Job: boolean;
  BillWithParent: boolean;
  IsProject: boolean;
  Active: boolean;
}

export interface SalesItemLine {
  Id: string;
  LineNum: number;
  Description: string;
  Amount: number;
  DetailType: 'SalesItemLineDetail';
  SalesItemLineDetail: { ItemRef: Ref; UnitPrice: number; Qty: number };
}

export interface SubTotalLine {
  Amount: number;
  DetailType: 'SubTotalLineDetail';
  SubTotalLineDetail: Record<string, never>;
}

export interface Invoice {
  Id: string;
  SyncToken: string;
  domain: 'QBO';
  sparse: false;
  MetaData: MetaData;
  DocNumber: string;
  TxnDate: string;
  DueDate: string;
  TotalAmt: number;
  Balance: number;
  CurrencyRef: Ref;
  ExchangeRate?: number;
  CustomerRef: Ref;
  BillEmail?: { Address: string };
  SalesTermRef: Ref;
  Line: Array<SalesItemLine | SubTotalLine>;
  /** Set by a void: "Voided", before any earlier note. */
  PrivateNote?: string;
  EmailStatus: 'NotSet' | 'NeedToSend' | 'EmailSent';
  PrintStatus: 'NotSet' | 'NeedToPrint' | 'PrintComplete';
}

/** The company file: every entity the emulator serves, keyed by Id. */
export interface CompanyData {
  customers: Customer[];
  invoices: Invoice[];
}

/** The demo company's home currency (Preferences.CurrencyPrefs.HomeCurrency). */
export const HOME_CURRENCY = 'USD';

export const CURRENCY_NAMES: Record<string, string> = {
  USD: 'United States Dollar',
  CAD: 'Canadian Dollar',
  EUR: 'Euro',
  GBP: 'British Pound Sterling',
};
