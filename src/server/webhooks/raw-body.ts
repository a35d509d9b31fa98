import type { IncomingMessage } from 'node:http';
import { HttpBodyError } from '../http-adapter';

/**
 * The body's exact bytes, up to `maxBytes`: signatures are computed over the raw bytes, so
 * nothing may parse or re-encode them first. A declared or actual size past the limit is
 * HttpBodyError 413, before the rest is buffered.
 */
export async function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpBodyError(413, `Request body too large (limit ${maxBytes} bytes)`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) {
      throw new HttpBodyError(413, `Request body too large (limit ${maxBytes} bytes)`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
