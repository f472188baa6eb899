/** USD list prices for what backups cost in one region, and where they came from. */
export interface RegionPrices {
  region: string;
  /** USD per GB-month of PITR storage (table + LSIs); undefined when no price is known. */
  pitrPerGbMonth?: number;
  /** USD per GB-month of on-demand (warm) backup storage. */
  backupPerGbMonth?: number;
  /** USD per GB restored (table + LSIs + GSIs). */
  restorePerGb?: number;
  source: 'price-list-api' | 'bundled';
  /** The date the prices are for: the Price List's publication/effective date, or the bundled table's date. */
  asOf: string;
  /** Why the API was not used, when it was not. */
  fallbackReason?: string;
}

/** The Price List Query API, behind our own shape; aws/pricing.ts implements it. */
export interface PriceListGateway {
  /** Prices for `region`; components AWS lists no price for stay undefined (never 0). */
  fetchRegionPrices(region: string): Promise<Omit<RegionPrices, 'source' | 'fallbackReason'>>;
}

export function describePriceSource(prices: RegionPrices): string {
  if (prices.source === 'price-list-api') return `AWS Price List API, prices as of ${prices.asOf}`;
  return `bundled price table dated ${prices.asOf} (the Price List API was not used: ${prices.fallbackReason ?? 'unavailable'})`;
}
