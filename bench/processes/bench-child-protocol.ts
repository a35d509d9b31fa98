/** The messages between the bench's parent (the load clients) and each server process. */
export interface ChildRequest {
  id: number;
  type: string;
  payload?: unknown;
}

export type ChildReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export type ChildStatus = { status: 'ready'; value: unknown } | { status: 'failed'; error: string };

export function isChildReply(message: unknown): message is ChildReply {
  return typeof message === 'object' && message !== null && 'id' in message && 'ok' in message;
}

export function isChildStatus(message: unknown): message is ChildStatus {
  return typeof message === 'object' && message !== null && 'status' in message;
}
