import { registerEnumType } from 'type-graphql';

export enum PerformanceGrouping {
  OWNER = 'OWNER',
  LEAD_SOURCE = 'LEAD_SOURCE',
  TYPE = 'TYPE',
  CLOSE_MONTH = 'CLOSE_MONTH',
}

export enum LeadGrouping {
  LEAD_SOURCE = 'LEAD_SOURCE',
  STATUS = 'STATUS',
  OWNER = 'OWNER',
  INDUSTRY = 'INDUSTRY',
}

registerEnumType(PerformanceGrouping, {
  name: 'PerformanceGrouping',
  description: 'How salesPerformance groups closed opportunities.',
  valuesConfig: {
    OWNER: { description: 'key = OwnerId, label = the owner’s name.' },
    LEAD_SOURCE: { description: 'key = label = LeadSource; "(none)" when blank.' },
    TYPE: { description: 'key = label = Type; "(none)" when blank.' },
    CLOSE_MONTH: { description: 'key = "YYYY-MM" of CloseDate, label = "Mar 2026".' },
  },
});
registerEnumType(LeadGrouping, {
  name: 'LeadGrouping',
  description: 'How leadConversion groups leads.',
  valuesConfig: {
    LEAD_SOURCE: { description: 'key = LeadSource; "(none)" when blank.' },
    STATUS: { description: 'key = Status.' },
    OWNER: { description: 'key = OwnerId (a user or a queue).' },
    INDUSTRY: { description: 'key = Industry; "(none)" when blank.' },
  },
});
