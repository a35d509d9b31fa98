import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeReply, type HttpReply } from './http-io';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface ServiceListener {
  /** The `offline` fault: cuts API requests, never the admin surface. */
  outage: { refuse(req: IncomingMessage, res: ServerResponse): boolean };
  handle(req: IncomingMessage): Promise<HttpReply>;
  /** The service's 500 for an error its handlers did not expect. */
  unexpected(err: unknown): HttpReply;
  /** Requests served outside the reply cycle (true when taken), e.g. CometD long-polls. */
  takeOver?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Headers on every reply, computed per reply. */
  replyHeaders?: () => Record<string, string>;
}

export function isAdminPath(url: string | undefined): boolean {
  return (url ?? '').startsWith('/__emulator/');
}

/** One emulator's HTTP surface as a `node:http` request listener. */
export function createServiceListener(service: ServiceListener): RequestListener {
  return (req, res) => {
    // The admin surface stays up during an outage: it is how a test ends or inspects one.
    if (!isAdminPath(req.url) && service.outage.refuse(req, res)) return;
    if (service.takeOver?.(req, res)) return;
    service
      .handle(req)
      .catch((err: unknown) => service.unexpected(err))
      .then((reply) => writeReply(res, reply, service.replyHeaders?.()))
      .catch(() => res.destroy());
  };
}

/** The injected per-call latency. */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
