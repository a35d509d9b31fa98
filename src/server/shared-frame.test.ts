import { GraphQLError } from 'graphql';
import type { WebSocket } from 'ws';
import { SharedFrame, sharedFrameReplacer, spliceSharedFrames } from './shared-frame';

/** A socket recording what it was asked to send; only `send` matters here. */
function recordingSocket(): { socket: WebSocket; sent: unknown[] } {
  const sent: unknown[] = [];
  const socket = { send: (data: unknown) => sent.push(data) } as unknown as WebSocket;
  spliceSharedFrames(socket);
  return { socket, sent };
}

/** What graphql-ws does per `next`: stringify with the replacer, then send at once. */
function sendNext(socket: WebSocket, id: string, payload: unknown): void {
  socket.send(JSON.stringify({ id, type: 'next', payload }, sharedFrameReplacer));
}

describe('shared frames', () => {
  it("writes the frame's ready text as each message's payload, with its own id", () => {
    const frame = new SharedFrame(JSON.stringify({ data: { n: 1, s: 'a "quoted" \u0000' } }), []);
    const a = recordingSocket();
    const b = recordingSocket();
    sendNext(a.socket, 'first', frame);
    sendNext(b.socket, 'second', frame);
    expect(a.sent.map((m) => JSON.parse(String(m)))).toEqual([
      { id: 'first', type: 'next', payload: { data: { n: 1, s: 'a "quoted" \u0000' } } },
    ]);
    expect(JSON.parse(String(b.sent[0]))).toMatchObject({
      id: 'second',
      payload: { data: { n: 1 } },
    });
  });

  it('leaves any other message as graphql-ws wrote it', () => {
    const { socket, sent } = recordingSocket();
    const plain = { data: { n: 2 }, errors: [new GraphQLError('x').toJSON()] };
    sendNext(socket, 'x', plain);
    socket.send('{"type":"pong"}');
    expect(sent).toEqual([
      JSON.stringify({ id: 'x', type: 'next', payload: plain }),
      '{"type":"pong"}',
    ]);
  });
});
