import type { GraphQLFormattedError } from 'graphql';
import { SharedFrame } from './shared-frame';
import { frameWriter, type FrameSocket } from './shared-frame-writer';

const OPEN = 1;
const CLOSING = 2;

/** A socket recording what it was asked to send, with the buffered bytes the test sets. */
function recordingSocket() {
  const sent: string[] = [];
  const socket = {
    readyState: OPEN,
    OPEN,
    bufferedAmount: 0,
    send: (data: string) => sent.push(data),
  };
  return { socket: socket satisfies FrameSocket, sent };
}

function writer(socket: FrameSocket, id: string, maxBufferedBytes = 100) {
  const drops: string[] = [];
  const sentErrors: GraphQLFormattedError[][] = [];
  const write = frameWriter(socket, id, {
    maxBufferedBytes,
    dropSlow: () => drops.push('dropped'),
    sent: (errors) => sentErrors.push(errors),
  });
  return { write, drops, sentErrors };
}

describe('frameWriter', () => {
  it("writes graphql-ws's `next` message with the frame's ready text and its own id", () => {
    const frame = new SharedFrame(JSON.stringify({ data: { n: 1, s: 'a "quoted" \u0000' } }), []);
    const a = recordingSocket();
    const b = recordingSocket();
    expect(writer(a.socket, 'first').write(frame)).toBe(true);
    expect(writer(b.socket, 'se"cond').write(frame)).toBe(true);
    expect(a.sent.map((m) => JSON.parse(m) as unknown)).toEqual([
      { id: 'first', type: 'next', payload: { data: { n: 1, s: 'a "quoted" \u0000' } } },
    ]);
    // The same key order graphql-ws stringifies a message with.
    expect(a.sent[0]).toBe(
      JSON.stringify({
        id: 'first',
        type: 'next',
        payload: { data: { n: 1, s: 'a "quoted" \u0000' } },
      }),
    );
    expect(JSON.parse(b.sent[0] ?? '')).toMatchObject({
      id: 'se"cond',
      payload: { data: { n: 1 } },
    });
  });

  it("reports a frame's errors to metrics, and none for a clean frame", () => {
    const error: GraphQLFormattedError = { message: 'partial', extensions: { code: 'X' } };
    const { socket } = recordingSocket();
    const w = writer(socket, 'x');
    w.write(new SharedFrame('{"data":null}', []));
    w.write(new SharedFrame('{"data":null,"errors":[]}', [error]));
    expect(w.sentErrors).toEqual([[error]]);
  });

  it('drops the socket as a slow consumer instead of writing once its buffered bytes pass the bound', () => {
    const { socket, sent } = recordingSocket();
    const w = writer(socket, 'x', 100);
    socket.bufferedAmount = 100;
    expect(w.write(new SharedFrame('{"data":{"n":1}}', []))).toBe(true);
    socket.bufferedAmount = 101;
    expect(w.write(new SharedFrame('{"data":{"n":2}}', []))).toBe(false);
    expect(w.drops).toEqual(['dropped']);
    expect(sent).toHaveLength(1);
  });

  it('skips a socket that is no longer open without ending its member', () => {
    const { socket, sent } = recordingSocket();
    const w = writer(socket, 'x');
    socket.readyState = CLOSING;
    expect(w.write(new SharedFrame('{"data":{}}', []))).toBe(true);
    expect(sent).toEqual([]);
    expect(w.drops).toEqual([]);
  });
});
