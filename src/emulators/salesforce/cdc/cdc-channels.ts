/** The objects the emulated org has selected for Change Data Capture. */
export const CDC_ENTITIES = ['Account', 'Contact', 'Opportunity', 'Lead', 'User'] as const;

export const ALL_CHANGE_EVENTS_CHANNEL = '/data/ChangeEvents';

export function entityChannel(entityName: string): string {
  return `/data/${entityName}ChangeEvent`;
}

/** The CDC-enabled object with this name (case-insensitive), canonically spelled. */
export function cdcEntity(name: string): string | undefined {
  const wanted = name.toLowerCase();
  return CDC_ENTITIES.find((e) => e.toLowerCase() === wanted);
}

export interface ChannelTarget {
  /** Undefined for the all-objects channel. */
  entityName: string | undefined;
}

/** What a subscribable channel carries; undefined for a channel the org does not have. */
export function resolveChannel(channel: string): ChannelTarget | undefined {
  if (channel === ALL_CHANGE_EVENTS_CHANNEL) return { entityName: undefined };
  const match = /^\/data\/(\w+)ChangeEvent$/.exec(channel);
  // Channel names are case-sensitive: `/data/accountChangeEvent` does not exist.
  const entity = match ? CDC_ENTITIES.find((e) => e === match[1]) : undefined;
  return entity ? { entityName: entity } : undefined;
}
