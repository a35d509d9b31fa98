/** `first` on linked connections: the same cap as Salesforce connections. */
export const DEFAULT_MAX_LINKED_PAGE = 200;
