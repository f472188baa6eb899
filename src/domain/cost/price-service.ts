import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { PriceCache } from '../../store/price-cache';
import { isAwsCallError } from '../errors';
import { BUNDLED_PRICES, BUNDLED_PRICES_AS_OF } from './bundled-prices';
import type { PriceListGateway, RegionPrices } from './prices';

/** Prices are cached per region this long. */
export const PRICE_CACHE_MS = 24 * 60 * 60 * 1000;

/** Region prices: the cache, else the Price List API, else the bundled (dated) table, else none. */
export class PriceService {
  constructor(private readonly deps: { gateway: PriceListGateway; cache: PriceCache; clock: Clock; logger: Logger }) {}

  async pricesFor(region: string): Promise<RegionPrices> {
    const nowMs = this.deps.clock.now().getTime();
    const cached = await this.deps.cache.get(region, PRICE_CACHE_MS, nowMs);
    if (cached !== undefined) return cached;
    try {
      const fetched: RegionPrices = {
        ...(await this.deps.gateway.fetchRegionPrices(region)),
        source: 'price-list-api',
      };
      await this.deps.cache.put(fetched, nowMs, PRICE_CACHE_MS);
      return fetched;
    } catch (error) {
      if (!isAwsCallError(error)) throw error;
      this.deps.logger.warn(`Price List API unavailable for ${region}; using the bundled table: ${error.plain}`);
      // Not cached: the API is asked again next time.
      return {
        region,
        ...(BUNDLED_PRICES[region] ?? {}),
        source: 'bundled',
        asOf: BUNDLED_PRICES_AS_OF,
        fallbackReason: error.plain,
      };
    }
  }
}
