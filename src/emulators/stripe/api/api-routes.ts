import type { ApiRoute } from './api-route';
import { customerRoutes } from './customers.routes';
import { paymentIntentRoutes } from './payment-intents.routes';
import { refundRoutes } from './refunds.routes';

export type RouteMatch =
  { kind: 'found'; route: ApiRoute; pathParams: Record<string, string> } | { kind: 'not-found' };

const ROUTES: readonly ApiRoute[] = [...customerRoutes, ...paymentIntentRoutes, ...refundRoutes];

/** The first route whose method and segments match; `:name` segments are percent-decoded. */
export function matchRoute(method: string, path: string): RouteMatch {
  const actual = path.split('/').filter((s) => s !== '');
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/').filter((s) => s !== '');
    if (pattern.length !== actual.length) continue;
    const pathParams: Record<string, string> = {};
    const matches = pattern.every((segment, i) => {
      const value = actual[i] as string;
      if (!segment.startsWith(':')) return segment === value;
      try {
        pathParams[segment.slice(1)] = decodeURIComponent(value);
        return true;
      } catch {
        return false;
      }
    });
    if (matches) return { kind: 'found', route, pathParams };
  }
  return { kind: 'not-found' };
}
