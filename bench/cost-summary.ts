import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListBackupsCommand,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { GetProductsCommand } from '@aws-sdk/client-pricing';
import { webApi } from '@slack/bolt';
import { createDynamoDbGateway } from '../src/aws/dynamodb';
import { createPriceListGateway } from '../src/aws/pricing';
import { PriceService } from '../src/domain/cost/price-service';
import { COST_CONCURRENCY, CostService } from '../src/domain/cost/service';
import { Policy } from '../src/domain/policy';
import { systemClock } from '../src/lib/clock';
import { RedactingLogger } from '../src/lib/logger';
import { SlackPeopleDirectory } from '../src/slack/people-directory';
import { openStateStore } from '../src/store/open-state-store';
import { createMockedAws } from '../test/support/aws';
import { buildConfig } from '../test/support/builders';
import { getProductsHandler, LIST_PRICES } from '../test/support/price-list';
import type { BenchResult } from './result';

const TABLES = 2000;
const BACKUPS = 20_000;
const LATENCY_MS = 50;
const REGION = 'us-east-1';

/**
 * `cost` for a whole region: 2,000 tables and 20,000 backups behind an AWS stand-in (SDK client
 * mocks) that answers every call after 50 ms. Measures wall time, calls, and peak calls in flight.
 */
export async function benchCostSummary(): Promise<BenchResult[]> {
  const aws = createMockedAws();
  const mocks = aws.mocks(REGION);
  let inFlight = 0;
  let peak = 0;
  let calls = 0;
  const slow =
    <I, O>(answer: (input: I) => O) =>
    async (input: I): Promise<O> => {
      calls += 1;
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
      inFlight -= 1;
      return answer(input);
    };
  const names = Array.from({ length: TABLES }, (_, i) => `table-${String(i).padStart(5, '0')}`);
  mocks.dynamodb.on(ListTablesCommand).callsFake(
    slow((input: { ExclusiveStartTableName?: string; Limit?: number }) => {
      const start = input.ExclusiveStartTableName === undefined ? 0 : names.indexOf(input.ExclusiveStartTableName) + 1;
      const page = names.slice(start, start + (input.Limit ?? 100));
      return { TableNames: page, LastEvaluatedTableName: start + page.length < names.length ? page.at(-1) : undefined };
    }),
  );
  mocks.dynamodb.on(DescribeTableCommand).callsFake(
    slow((input: { TableName?: string }) => ({
      Table: {
        TableName: input.TableName,
        TableArn: `arn:aws:dynamodb:${REGION}:123456789012:table/${input.TableName}`,
        TableStatus: 'ACTIVE',
        TableSizeBytes: 3 * 1024 ** 3,
        ItemCount: 1000,
      },
    })),
  );
  mocks.dynamodb.on(DescribeContinuousBackupsCommand).callsFake(
    slow(() => ({
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
      },
    })),
  );
  mocks.dynamodb.on(ListBackupsCommand).callsFake(
    slow((input: { ExclusiveStartBackupArn?: string }) => {
      const start = Number(input.ExclusiveStartBackupArn?.split('/').pop() ?? -1) + 1;
      const page = Array.from({ length: Math.min(100, BACKUPS - start) }, (_, i) => ({
        BackupArn: `arn:aws:dynamodb:${REGION}:123456789012:table/${names[(start + i) % TABLES]}/backup/${start + i}`,
        BackupName: `b${start + i}`,
        TableName: names[(start + i) % TABLES],
        BackupSizeBytes: 1024 ** 3,
        BackupStatus: 'AVAILABLE',
        BackupType: 'USER',
        BackupCreationDateTime: new Date(1_790_000_000_000 + (start + i) * 1000),
      }));
      return {
        BackupSummaries: page,
        LastEvaluatedBackupArn: start + page.length < BACKUPS ? page.at(-1)?.BackupArn : undefined,
      };
    }),
  );
  const products = getProductsHandler(LIST_PRICES);
  mocks.pricing.on(GetProductsCommand).callsFake(slow((input) => products(input as never)));

  const logger = new RedactingLogger({ level: 'error' });
  const state = await openStateStore({ clock: systemClock, region: 'local' });
  const config = buildConfig();
  const policy = new Policy(config.policy, new SlackPeopleDirectory(new webApi.WebClient(), systemClock), logger);
  const prices = new PriceService({
    gateway: createPriceListGateway(aws.clientsFor(REGION).pricing),
    cache: state.store.prices,
    clock: systemClock,
    logger,
  });
  const service = new CostService({
    gateway: createDynamoDbGateway(aws.clientsFor),
    prices,
    policy,
    clock: systemClock,
  });

  const started = performance.now();
  const { costs } = await service.regionCosts(REGION);
  const wallMs = performance.now() - started;
  await state.close();
  if (costs.length !== TABLES) throw new Error(`expected ${TABLES} tables, got ${costs.length}`);
  const boundMs = (calls * LATENCY_MS) / COST_CONCURRENCY;
  return [
    {
      name: `cost: region summary, ${TABLES} tables / ${BACKUPS} backups, +${LATENCY_MS} ms per call`,
      value: Number((wallMs / 1000).toFixed(2)),
      unit: 's',
      target: '< 20',
    },
    { name: 'cost: AWS calls', value: calls, unit: 'calls' },
    { name: 'cost: peak calls in flight', value: peak, unit: 'calls', target: `≤ ${COST_CONCURRENCY}` },
    {
      name: 'cost: wall time / lower bound (calls × 50 ms / concurrency)',
      value: Number((wallMs / boundMs).toFixed(2)),
      unit: 'ratio',
      target: '≤ 1.5',
    },
  ];
}
