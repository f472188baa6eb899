import { type Filter, GetProductsCommand, type GetProductsCommandOutput, PricingClient } from '@aws-sdk/client-pricing';
import type { PriceListGateway } from '../domain/cost/prices';
import { translateAwsError } from './errors';

/** The Price List Query API has endpoints in these regions only; the priced region is a filter. */
export const PRICING_ENDPOINT_REGIONS = ['us-east-1', 'eu-central-1', 'ap-south-1'] as const;

const KINDS = {
  pitrPerGbMonth: {
    volumeType: 'Amazon DynamoDB - Point-In-Time-Restore (PITR) Backup Storage',
    usageSuffix: 'TimedPITRStorage-ByteHrs',
  },
  backupPerGbMonth: {
    volumeType: 'Amazon DynamoDB - On-Demand Backup Storage',
    usageSuffix: 'TimedBackupStorage-ByteHrs',
  },
  restorePerGb: { volumeType: 'Amazon DynamoDB - Backup Restore Size', usageSuffix: 'RestoreDataSize-Bytes' },
} as const;

interface PriceDimension {
  unit?: string;
  endRange?: string;
  pricePerUnit?: { USD?: string };
}

interface PriceListItem {
  product?: { attributes?: { usagetype?: string; regionCode?: string } };
  terms?: { OnDemand?: Record<string, { effectiveDate?: string; priceDimensions?: Record<string, PriceDimension> }> };
  publicationDate?: string;
}

/** The open-ended dimension's USD price of the first product whose usage type ends with `suffix`. */
export function pickPrice(items: readonly PriceListItem[], suffix: string): { usd: number; asOf?: string } | undefined {
  for (const item of items) {
    // us-east-1 has no prefix ("TimedPITRStorage-ByteHrs"), other regions do ("USW1-…", "EU-…").
    const usage = item.product?.attributes?.usagetype ?? '';
    if (usage !== suffix && !usage.endsWith(`-${suffix}`)) continue;
    for (const term of Object.values(item.terms?.OnDemand ?? {})) {
      for (const dimension of Object.values(term.priceDimensions ?? {})) {
        const usd = dimension.pricePerUnit?.USD;
        if (dimension.endRange !== 'Inf' || usd === undefined || Number.isNaN(Number(usd))) continue;
        return { usd: Number(usd), asOf: (item.publicationDate ?? term.effectiveDate)?.slice(0, 10) };
      }
    }
  }
  return undefined;
}

/** `GetProducts` for service code AmazonDynamoDB, one query per kind, every page. */
export function createPriceListGateway(client: PricingClient): PriceListGateway {
  return {
    async fetchRegionPrices(region) {
      const prices: { pitrPerGbMonth?: number; backupPerGbMonth?: number; restorePerGb?: number } = {};
      const dates: string[] = [];
      for (const [key, kind] of Object.entries(KINDS) as Array<
        [keyof typeof KINDS, (typeof KINDS)[keyof typeof KINDS]]
      >) {
        const items = await getAllProducts(client, region, [
          { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
          { Type: 'TERM_MATCH', Field: 'volumeType', Value: kind.volumeType },
        ]);
        const price = pickPrice(items, kind.usageSuffix);
        if (price !== undefined) {
          prices[key] = price.usd;
          if (price.asOf) dates.push(price.asOf);
        }
      }
      return { region, ...prices, asOf: dates.sort().at(-1) ?? 'unknown date' };
    },
  };
}

async function getAllProducts(client: PricingClient, region: string, filters: Filter[]): Promise<PriceListItem[]> {
  const items: PriceListItem[] = [];
  let token: string | undefined;
  try {
    do {
      const page: GetProductsCommandOutput = await client.send(
        new GetProductsCommand({
          ServiceCode: 'AmazonDynamoDB',
          FormatVersion: 'aws_v1',
          MaxResults: 100,
          Filters: filters,
          NextToken: token,
        }),
      );
      // Each element is a JSON string (older SDKs typed it as a lazy JSON string: String() covers both).
      for (const raw of page.PriceList ?? []) items.push(JSON.parse(String(raw)) as PriceListItem);
      token = page.NextToken;
    } while (token !== undefined);
  } catch (error) {
    throw translateAwsError(error, {
      operation: 'GetProducts',
      region,
      resource: 'AmazonDynamoDB prices',
      service: 'pricing',
    });
  }
  return items;
}

/** The client is pinned to an endpoint region, never the table's (most regions have no endpoint). */
export function createPricingClient(
  endpointRegion: (typeof PRICING_ENDPOINT_REGIONS)[number] = 'us-east-1',
): PricingClient {
  return new PricingClient({ region: endpointRegion });
}
