/** The strategy of every kind the api-server serves, by plural resource name. */
import type { KindStrategy } from './strategy';

export const STRATEGIES: Record<string, KindStrategy> = {};
