import { NodeAdapter } from 'faye';
export const x = new NodeAdapter({ mount: '/x' });
