import { Entity } from 'dynamodb-toolbox/entity';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { Table } from 'dynamodb-toolbox/table';
import type { RegionPrices } from '../domain/cost/prices';

function createPriceEntity(table: Table) {
  return new Entity({
    name: 'PriceCache',
    table,
    schema: item({ region: string().key(), pricesJson: string(), fetchedAtMs: number(), ttl: number() }),
    computeKey: ({ region }: { region: string }) => ({ pk: 'PRICE', sk: region }),
    timestamps: false,
  });
}

/** Price List answers per region, kept for a day: prices are republished a few times a month. */
export class PriceCache {
  private readonly entity: ReturnType<typeof createPriceEntity>;

  constructor(table: Table) {
    this.entity = createPriceEntity(table);
  }

  async get(region: string, maxAgeMs: number, nowMs: number): Promise<RegionPrices | undefined> {
    const { Item } = await this.entity.build(GetItemCommand).key({ region }).send();
    if (Item === undefined || nowMs - Item.fetchedAtMs > maxAgeMs) return undefined;
    return JSON.parse(Item.pricesJson) as RegionPrices;
  }

  async put(prices: RegionPrices, nowMs: number, keepMs: number): Promise<void> {
    await this.entity
      .build(PutItemCommand)
      .item({
        region: prices.region,
        pricesJson: JSON.stringify(prices),
        fetchedAtMs: nowMs,
        ttl: Math.floor((nowMs + keepMs) / 1000),
      })
      .send();
  }
}
