import type { GetProductsCommandInput } from '@aws-sdk/client-pricing';

/** Usage type prefixes of the Price List (us-east-1 has none). */
const PREFIX: Record<string, string> = {
  'us-east-1': '',
  'us-west-1': 'USW1-',
  'us-west-2': 'USW2-',
  'eu-west-1': 'EU-',
  'ap-southeast-2': 'APS2-',
};

const KINDS = {
  pitr: {
    family: 'Database Storage',
    volumeType: 'Amazon DynamoDB - Point-In-Time-Restore (PITR) Backup Storage',
    usage: 'TimedPITRStorage-ByteHrs',
    unit: 'GB-Mo',
  },
  backup: {
    family: 'Amazon DynamoDB On-Demand Backup Storage',
    volumeType: 'Amazon DynamoDB - On-Demand Backup Storage',
    usage: 'TimedBackupStorage-ByteHrs',
    unit: 'GB-Mo',
  },
  restore: {
    family: 'Amazon DynamoDB Restore Data Size',
    volumeType: 'Amazon DynamoDB - Backup Restore Size',
    usage: 'RestoreDataSize-Bytes',
    unit: 'GB',
  },
} as const;

export type PriceKind = keyof typeof KINDS;

/**
 * One decoded Price List element, shaped as GetProducts returns it (shared/reference/aws-pricing.md
 * §3 and §6): product attributes, OnDemand terms, price dimensions with a 10-decimal USD string.
 */
export function priceListItem(
  region: string,
  kind: PriceKind,
  usd: string,
  sku = `SYNTH${kind.toUpperCase()}${region.replace(/-/g, '')}`,
) {
  const k = KINDS[kind];
  return {
    product: {
      productFamily: k.family,
      attributes: {
        regionCode: region,
        servicecode: 'AmazonDynamoDB',
        usagetype: `${PREFIX[region] ?? 'XX-'}${k.usage}`,
        locationType: 'AWS Region',
        location: region,
        servicename: 'Amazon DynamoDB',
        volumeType: k.volumeType,
        operation: '',
      },
      sku,
    },
    serviceCode: 'AmazonDynamoDB',
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: {
            [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: {
              unit: k.unit,
              endRange: 'Inf',
              description: `$${usd} per ${k.unit}`,
              appliesTo: [],
              rateCode: `${sku}.JRTCKXETXF.6YS6EN2CT7`,
              beginRange: '0',
              pricePerUnit: { USD: usd },
            },
          },
          sku,
          effectiveDate: '2026-09-01T00:00:00Z',
          offerTermCode: 'JRTCKXETXF',
          termAttributes: {},
        },
      },
    },
    version: '20260928000000',
    publicationDate: '2026-09-28T00:00:00Z',
  };
}

export type PriceTable = Record<string, Partial<Record<PriceKind, string>>>;

/** A GetProducts handler over `prices`, honouring the regionCode and volumeType filters, in pages of `pageSize`. */
export function getProductsHandler(prices: PriceTable, pageSize = 100) {
  return async (input: GetProductsCommandInput) => {
    const filter = (field: string) => input.Filters?.find((f) => f.Field === field)?.Value;
    const region = filter('regionCode') ?? '';
    const volumeType = filter('volumeType');
    const items = Object.entries(prices[region] ?? {})
      .filter(([kind]) => volumeType === undefined || KINDS[kind as PriceKind].volumeType === volumeType)
      .map(([kind, usd]) => JSON.stringify(priceListItem(region, kind as PriceKind, usd as string)));
    // Table storage shares the PITR product family: a decoy the parser must skip.
    if (volumeType === undefined || volumeType === KINDS.pitr.volumeType) {
      items.unshift(
        JSON.stringify({
          ...priceListItem(region, 'pitr', '0.0000000000', 'SYNTHSTORAGE'),
          product: {
            productFamily: 'Database Storage',
            attributes: { regionCode: region, usagetype: `${PREFIX[region] ?? ''}TimedStorage-ByteHrs` },
            sku: 'SYNTHSTORAGE',
          },
        }),
      );
    }
    const start = Number(input.NextToken ?? 0);
    const page = items.slice(start, start + pageSize);
    return {
      FormatVersion: 'aws_v1',
      PriceList: page,
      NextToken: start + pageSize < items.length ? String(start + pageSize) : undefined,
    };
  };
}

export const LIST_PRICES: PriceTable = {
  'us-east-1': { pitr: '0.2000000000', backup: '0.1000000000', restore: '0.1500000000' },
  'us-west-1': { pitr: '0.2240000000', backup: '0.1120000000', restore: '0.1680000000' },
  'eu-west-1': { pitr: '0.2200000000', backup: '0.1100000000', restore: '0.1700000000' },
};
