import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createPriceListGateway, pickPrice } from '../../../src/aws/pricing';
import { getProductsHandler, LIST_PRICES, priceListItem } from '../../support/price-list';

describe('pickPrice', () => {
  it.each([
    ['us-east-1', 'TimedPITRStorage-ByteHrs', 0.2], // no prefix in us-east-1
    ['us-west-1', 'TimedPITRStorage-ByteHrs', 0.224], // USW1-
    ['eu-west-1', 'TimedBackupStorage-ByteHrs', 0.11], // EU-
  ])('reads the %s price of %s', (region, suffix, usd) => {
    const items = [
      priceListItem(region, 'pitr', LIST_PRICES[region]?.pitr ?? ''),
      priceListItem(region, 'backup', LIST_PRICES[region]?.backup ?? ''),
    ];

    expect(pickPrice(items, suffix)).toEqual({ usd, asOf: '2026-09-28' });
  });

  it('skips products whose usage type only contains the suffix, and prices without USD', () => {
    const storage = priceListItem('us-east-1', 'pitr', '0.2500000000');
    storage.product.attributes.usagetype = 'TimedStorage-ByteHrs';
    const noUsd = JSON.parse(
      JSON.stringify(priceListItem('us-east-1', 'backup', '0.1')).replace('"USD":"0.1"', '"CNY":"0.7"'),
    );

    expect(pickPrice([storage], 'TimedPITRStorage-ByteHrs')).toBeUndefined();
    expect(pickPrice([noUsd], 'TimedBackupStorage-ByteHrs')).toBeUndefined();
  });
});

describe('createPriceListGateway', () => {
  it('asks GetProducts for each kind in the priced region, across every page', async () => {
    const client = new PricingClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const mock = mockClient(client);
    mock.on(GetProductsCommand).callsFake(getProductsHandler(LIST_PRICES, 1)); // one product per page

    const prices = await createPriceListGateway(client).fetchRegionPrices('us-west-1');

    expect(prices).toEqual({
      region: 'us-west-1',
      pitrPerGbMonth: 0.224,
      backupPerGbMonth: 0.112,
      restorePerGb: 0.168,
      asOf: '2026-09-28',
    });
    expect(mock).toHaveReceivedCommandWith(GetProductsCommand, {
      ServiceCode: 'AmazonDynamoDB',
      Filters: [
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-west-1' },
        {
          Type: 'TERM_MATCH',
          Field: 'volumeType',
          Value: 'Amazon DynamoDB - Point-In-Time-Restore (PITR) Backup Storage',
        },
      ],
    });
    expect(mock.commandCalls(GetProductsCommand).some((c) => c.args[0].input.NextToken === '1')).toBe(true);
  });

  it('says "no price" (undefined) for a region the Price List has nothing for', async () => {
    const client = new PricingClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    mockClient(client).on(GetProductsCommand).callsFake(getProductsHandler(LIST_PRICES));

    const prices = await createPriceListGateway(client).fetchRegionPrices('ap-southeast-2');

    expect(prices.pitrPerGbMonth).toBeUndefined();
    expect(prices.backupPerGbMonth).toBeUndefined();
  });
});
