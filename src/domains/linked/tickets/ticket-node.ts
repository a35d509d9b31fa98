// PLACEHOLDER (lead): replaced by the service's helper with the real lookup.
import type { GatewayContext } from '../../../context/gateway-context';
import type { Node } from '../../shared/node.interface';

/** `node(id: "zendesk-ticket:…")`: the local part after the prefix; null when it does not exist. */
export function ticketNode(_ctx: GatewayContext, _localId: string): Promise<Node | null> {
  return Promise.resolve(null);
}
