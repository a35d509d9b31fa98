import type { IncomingMessage } from 'node:http';
import type { Authenticate } from './cdc-types';
import type { BayeuxMessage, MessageCallback, ServerExtension } from './faye-adapter';
import { resolveChannel } from './cdc-channels';

const HANDSHAKE = '/meta/handshake';
const CONNECT = '/meta/connect';
const SUBSCRIBE = '/meta/subscribe';
const LONG_POLLING = 'long-polling';

export const HANDSHAKE_DENIED = '403::Handshake denied';
export const AUTHENTICATION_INVALID = '401::Authentication invalid';
export const AUTHENTICATION_REQUIRED = '401::Request requires authentication';
export const UNKNOWN_CLIENT = '403::Unknown client';

export const invalidReplayId = (replayId: unknown): string =>
  `400::The replayId {${String(replayId)}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`;
export const unknownChannel = (channel: string): string =>
  `400::The channel you requested to subscribe to does not exist {${channel}}`;

export interface CometdProtocolOptions {
  authenticate: Authenticate;
  /** Whether `replayFrom` (-1, -2 or a replay id) can be served right now. */
  isReplayable(replayFrom: number): boolean;
  /** Remembers where a client's subscription to a channel replays from. */
  setReplayFrom(clientId: string, channel: string, replayFrom: number): void;
  /** Ends a client whose session is no longer valid. */
  dropClient(clientId: string): void;
}

/**
 * Salesforce's rules on top of plain Bayeux, for HTTP requests only (faye's in-process
 * client passes a null request): `/cometd/<version>` paths, the OAuth header on every
 * message, long-polling only, CDC channels only, the replay extension, and Salesforce's
 * error texts and advice.
 */
export class CometdProtocolExtension implements ServerExtension {
  /** Why a request was refused (and whose), for the reply the outgoing pass decorates. */
  private readonly authFailures = new WeakMap<
    IncomingMessage,
    { reason: string; clientId: string | undefined }
  >();

  constructor(private readonly options: CometdProtocolOptions) {}

  incoming(
    message: BayeuxMessage,
    request: IncomingMessage | null,
    callback: MessageCallback,
  ): void {
    if (request === null) return callback(message);
    const versionError = apiVersionError(request.url ?? '');
    if (versionError) return callback({ ...message, error: versionError });
    void this.authenticated(request).then(
      (failure) => {
        if (failure) {
          this.authFailures.set(request, { reason: failure, clientId: message.clientId });
          const error = message.channel === HANDSHAKE ? HANDSHAKE_DENIED : failure;
          return callback({ ...message, error });
        }
        callback(this.checkProtocol(message));
      },
      () => callback({ ...message, error: HANDSHAKE_DENIED }),
    );
  }

  outgoing(
    message: BayeuxMessage,
    request: IncomingMessage | null,
    callback: MessageCallback,
  ): void {
    if (request === null) return callback(message);
    const failure = this.authFailures.get(request);
    if (failure && message.successful === false) return callback(this.denied(message, failure));
    if (message.channel === HANDSHAKE && message.successful) {
      return callback({
        ...message,
        supportedConnectionTypes: [LONG_POLLING],
        ext: { ...message.ext, replay: true, 'payload.format': true },
      });
    }
    if (typeof message.error === 'string' && /^401:[^:]*:Unknown client$/.test(message.error)) {
      // faye says `401:<id>:Unknown client`; Salesforce answers 403 and asks for a new handshake.
      return callback({
        ...message,
        error: UNKNOWN_CLIENT,
        advice: { reconnect: 'handshake', interval: 0 },
      });
    }
    callback(message);
  }

  private async authenticated(request: IncomingMessage): Promise<string | undefined> {
    const header = request.headers.authorization ?? '';
    const token = /^(?:OAuth|Bearer)\s+(\S+)$/i.exec(header)?.[1];
    if (token === undefined) return AUTHENTICATION_REQUIRED;
    const user = await this.options.authenticate(token);
    return user ? undefined : AUTHENTICATION_INVALID;
  }

  private denied(
    message: BayeuxMessage,
    failure: { reason: string; clientId: string | undefined },
  ): BayeuxMessage {
    if (message.channel === HANDSHAKE) {
      return {
        ...message,
        error: HANDSHAKE_DENIED,
        advice: { reconnect: 'none' },
        ext: { ...message.ext, sfdc: { failureReason: failure.reason } },
      };
    }
    // faye drops `clientId` from failed replies; the session ends with its credentials.
    if (failure.clientId) this.options.dropClient(failure.clientId);
    return {
      ...message,
      clientId: failure.clientId,
      error: failure.reason,
      advice: { reconnect: 'none', interval: 0 },
    };
  }

  private checkProtocol(message: BayeuxMessage): BayeuxMessage {
    if (message.channel === HANDSHAKE) {
      const types = message.supportedConnectionTypes ?? [];
      return types.includes(LONG_POLLING)
        ? message
        : { ...message, error: `400::Invalid connection type ${types.join(',')}` };
    }
    if (message.channel === CONNECT) {
      return message.connectionType === LONG_POLLING
        ? message
        : { ...message, error: `400::Invalid connection type ${String(message.connectionType)}` };
    }
    if (message.channel === SUBSCRIBE) return this.checkSubscribe(message);
    if (!message.channel.startsWith('/meta/')) {
      return { ...message, error: `403:${message.channel}:Publish not allowed` };
    }
    return message;
  }

  private checkSubscribe(message: BayeuxMessage): BayeuxMessage {
    const channels = [message.subscription ?? []].flat();
    if (channels.length === 0) return { ...message, error: '400::Channel name not specified' };
    const replay = replayMap(message.ext);
    for (const channel of channels) {
      if (!channel.startsWith('/')) {
        return { ...message, error: "400::Channel subscriptions must start with a leading '/'" };
      }
      if (!resolveChannel(channel)) return { ...message, error: unknownChannel(channel) };
      if (!(channel in replay)) continue;
      const replayFrom = replay[channel];
      if (
        typeof replayFrom !== 'number' ||
        !Number.isInteger(replayFrom) ||
        !this.options.isReplayable(replayFrom)
      ) {
        return { ...message, error: invalidReplayId(replayFrom) };
      }
    }
    if (message.clientId) {
      for (const channel of channels) {
        const replayFrom = replay[channel];
        if (typeof replayFrom === 'number') {
          this.options.setReplayFrom(message.clientId, channel, replayFrom);
        }
      }
    }
    return message;
  }
}

function replayMap(ext: Record<string, unknown> | undefined): Record<string, unknown> {
  const replay = ext?.replay;
  return typeof replay === 'object' && replay !== null && !Array.isArray(replay)
    ? (replay as Record<string, unknown>)
    : {};
}

/** Salesforce's answer to a CometD URL without a usable `/cometd/NN.N` version. */
function apiVersionError(url: string): string | undefined {
  const path = url.split('?')[0];
  const version = /^\/cometd\/(\d+\.\d)\/?$/.exec(path)?.[1];
  if (version === undefined) {
    return "400::API version in the URI is mandatory. URI format: '/cometd/59.0'";
  }
  if (Number(version) < 23) {
    return "400::Unsupported API version. Only API versions '23.0' and above are supported. URI format: '/cometd/59.0'";
  }
  return undefined;
}
