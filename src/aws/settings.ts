import {
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  type ScalableDimension,
} from '@aws-sdk/client-application-auto-scaling';
import { type ComparisonOperator, PutMetricAlarmCommand, type Statistic } from '@aws-sdk/client-cloudwatch';
import {
  DescribeContinuousBackupsCommand,
  DescribeContributorInsightsCommand,
  DescribeKinesisStreamingDestinationCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  EnableKinesisStreamingDestinationCommand,
  GetResourcePolicyCommand,
  type StreamViewType,
  type TableDescription,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateContributorInsightsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import type { Reading, SettingsGateway, TableSettings } from '../domain/settings/types';
import { allLimited } from '../lib/concurrency';
import type { AwsClientsFor } from './clients';
import { type CallContext, translateAwsError } from './errors';
import { listTags, readAlarms, readScaling, scalingResourceId } from './settings-reads';

/** Reads of one table's settings run in parallel, this many at a time. */
const READ_CONCURRENCY = 4;

async function reading<T>(context: CallContext, read: () => Promise<T>): Promise<Reading<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, reason: translateAwsError(error, context).plain };
  }
}

async function write(context: CallContext, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw translateAwsError(error, context);
  }
}

/** The checklist's reads and writes, through DynamoDB, Application Auto Scaling, CloudWatch and Lambda. */
export function createSettingsGateway(clientsFor: AwsClientsFor, now: () => number): SettingsGateway {
  return {
    async read(region, tableName) {
      const clients = clientsFor(region);
      const ctx = (operation: string, service: CallContext['service'] = 'dynamodb'): CallContext => ({
        operation,
        region,
        resource: `table \`${tableName}\``,
        service,
      });
      const described = await clients.dynamodb
        .send(new DescribeTableCommand({ TableName: tableName }))
        .catch((error: unknown) => {
          throw translateAwsError(error, ctx('DescribeTable'));
        });
      const table: TableDescription = described.Table ?? {};
      const tableArn = table.TableArn ?? '';
      const indexNames = (table.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName ?? '').filter(Boolean);
      const stream = table.StreamSpecification;
      const streamArn = stream?.StreamEnabled ? table.LatestStreamArn : undefined;
      const tasks = [
        () => reading(ctx('ListTagsOfResource'), () => listTags(clients.dynamodb, tableArn)),
        () =>
          reading(ctx('DescribeTimeToLive'), async () => {
            const { TimeToLiveDescription: ttl } = await clients.dynamodb.send(
              new DescribeTimeToLiveCommand({ TableName: tableName }),
            );
            const enabled = ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING';
            return { enabled, attribute: enabled ? ttl?.AttributeName : undefined };
          }),
        () =>
          reading(ctx('DescribeContinuousBackups'), async () => {
            const output = await clients.dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: tableName }));
            const pitr = output.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
            return {
              enabled: pitr?.PointInTimeRecoveryStatus === 'ENABLED',
              recoveryPeriodDays: pitr?.RecoveryPeriodInDays,
            };
          }),
        () =>
          reading(ctx('DescribeScalableTargets', 'application-autoscaling'), () =>
            readScaling(clients, tableName, indexNames),
          ),
        () => reading(ctx('DescribeAlarms', 'cloudwatch'), () => readAlarms(clients, tableName)),
        () =>
          reading(ctx('GetResourcePolicy'), async () => {
            try {
              return (
                (await clients.dynamodb.send(new GetResourcePolicyCommand({ ResourceArn: tableArn }))).Policy ?? null
              );
            } catch (error) {
              if (error instanceof Error && error.name === 'PolicyNotFoundException') return null;
              throw error;
            }
          }),
        () =>
          reading(ctx('DescribeContributorInsights'), async () => {
            const statuses: Record<string, string> = {};
            for (const indexName of [undefined, ...indexNames]) {
              const output = await clients.dynamodb.send(
                new DescribeContributorInsightsCommand({ TableName: tableName, IndexName: indexName }),
              );
              statuses[indexName ?? ''] = output.ContributorInsightsStatus ?? 'DISABLED';
            }
            return statuses;
          }),
        () =>
          reading(ctx('DescribeKinesisStreamingDestination'), async () => {
            const output = await clients.dynamodb.send(
              new DescribeKinesisStreamingDestinationCommand({ TableName: tableName }),
            );
            return (output.KinesisDataStreamDestinations ?? [])
              .filter((d) => d.DestinationStatus === 'ACTIVE' || d.DestinationStatus === 'ENABLING')
              .map((d) => ({ streamArn: d.StreamArn ?? '', status: d.DestinationStatus ?? '' }));
          }),
        () =>
          reading(ctx('ListEventSourceMappings', 'lambda'), async () => {
            if (streamArn === undefined) return [];
            const output = await clients.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: streamArn }));
            return (output.EventSourceMappings ?? []).map((m) => ({
              uuid: m.UUID ?? '',
              functionArn: m.FunctionArn ?? '',
              state: m.State ?? '',
            }));
          }),
      ] as const;
      const [tags, ttl, pitr, autoScaling, alarms, resourcePolicy, contributorInsights, kinesis, streamConsumers] =
        await allLimited<Reading<unknown>>(tasks, READ_CONCURRENCY);
      const settings: TableSettings = {
        table: tableName,
        tableArn,
        readAtMs: now(),
        billingMode: table.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED',
        indexNames,
        tags: tags as TableSettings['tags'],
        ttl: ttl as TableSettings['ttl'],
        stream: {
          ok: true,
          value: { enabled: stream?.StreamEnabled === true, viewType: stream?.StreamViewType, streamArn },
        },
        pitr: pitr as TableSettings['pitr'],
        deletionProtection: { ok: true, value: table.DeletionProtectionEnabled === true },
        autoScaling: autoScaling as TableSettings['autoScaling'],
        alarms: alarms as TableSettings['alarms'],
        resourcePolicy: resourcePolicy as TableSettings['resourcePolicy'],
        contributorInsights: contributorInsights as TableSettings['contributorInsights'],
        kinesis: kinesis as TableSettings['kinesis'],
        replicaRegions: {
          ok: true,
          value: (table.Replicas ?? []).map((r) => r.RegionName ?? '').filter((r) => r !== '' && r !== region),
        },
        streamConsumers: streamConsumers as TableSettings['streamConsumers'],
      };
      return settings;
    },

    tagResource: (region, tableArn, tags) =>
      write({ operation: 'TagResource', region, resource: 'the new table' }, () =>
        clientsFor(region).dynamodb.send(
          new TagResourceCommand({ ResourceArn: tableArn, Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }),
        ),
      ),

    updateTimeToLive: (region, table, attribute) =>
      write({ operation: 'UpdateTimeToLive', region, resource: `table \`${table}\`` }, () =>
        clientsFor(region).dynamodb.send(
          new UpdateTimeToLiveCommand({
            TableName: table,
            TimeToLiveSpecification: { Enabled: true, AttributeName: attribute },
          }),
        ),
      ),

    enableStream: (region, table, viewType) =>
      write({ operation: 'UpdateTable', region, resource: `table \`${table}\`` }, () =>
        clientsFor(region).dynamodb.send(
          new UpdateTableCommand({
            TableName: table,
            StreamSpecification: { StreamEnabled: true, StreamViewType: viewType as StreamViewType },
          }),
        ),
      ),

    setDeletionProtection: (region, table, enabled) =>
      write({ operation: 'UpdateTable', region, resource: `table \`${table}\`` }, () =>
        clientsFor(region).dynamodb.send(
          new UpdateTableCommand({ TableName: table, DeletionProtectionEnabled: enabled }),
        ),
      ),

    enablePitr: (region, table, recoveryPeriodDays) =>
      write({ operation: 'UpdateContinuousBackups', region, resource: `table \`${table}\`` }, () =>
        clientsFor(region).dynamodb.send(
          new UpdateContinuousBackupsCommand({
            TableName: table,
            PointInTimeRecoverySpecification: {
              PointInTimeRecoveryEnabled: true,
              ...(recoveryPeriodDays !== undefined ? { RecoveryPeriodInDays: recoveryPeriodDays } : {}),
            },
          }),
        ),
      ),

    async putScaling(region, table, target) {
      const { autoScaling } = clientsFor(region);
      const ResourceId = scalingResourceId(table, target.indexName);
      const context: CallContext = {
        operation: 'RegisterScalableTarget',
        region,
        resource: ResourceId,
        service: 'application-autoscaling',
      };
      const dimension = target.dimension as ScalableDimension;
      await write(context, () =>
        autoScaling.send(
          new RegisterScalableTargetCommand({
            ServiceNamespace: 'dynamodb',
            ResourceId,
            ScalableDimension: dimension,
            MinCapacity: target.minCapacity,
            MaxCapacity: target.maxCapacity,
          }),
        ),
      );
      for (const policy of target.policies) {
        await write({ ...context, operation: 'PutScalingPolicy' }, () =>
          autoScaling.send(
            new PutScalingPolicyCommand({
              PolicyName: policy.name,
              ServiceNamespace: 'dynamodb',
              ResourceId,
              ScalableDimension: dimension,
              PolicyType: 'TargetTrackingScaling',
              TargetTrackingScalingPolicyConfiguration: {
                TargetValue: policy.targetValue,
                ...(policy.predefinedMetric
                  ? { PredefinedMetricSpecification: { PredefinedMetricType: policy.predefinedMetric as never } }
                  : {}),
                ScaleInCooldown: policy.scaleInCooldownSeconds,
                ScaleOutCooldown: policy.scaleOutCooldownSeconds,
                DisableScaleIn: policy.disableScaleIn,
              },
            }),
          ),
        );
      }
    },

    enableContributorInsights: (region, table, indexName) =>
      write({ operation: 'UpdateContributorInsights', region, resource: `table \`${table}\`` }, () =>
        clientsFor(region).dynamodb.send(
          new UpdateContributorInsightsCommand({
            TableName: table,
            IndexName: indexName,
            ContributorInsightsAction: 'ENABLE',
          }),
        ),
      ),

    enableKinesisDestination: (region, table, streamArn) =>
      write({ operation: 'EnableKinesisStreamingDestination', region, resource: `table \`${table}\`` }, () =>
        clientsFor(region).dynamodb.send(
          new EnableKinesisStreamingDestinationCommand({ TableName: table, StreamArn: streamArn }),
        ),
      ),

    putAlarm: (region, alarm) =>
      write({ operation: 'PutMetricAlarm', region, resource: `alarm ${alarm.name}`, service: 'cloudwatch' }, () =>
        clientsFor(region).cloudWatch.send(
          new PutMetricAlarmCommand({
            AlarmName: alarm.name,
            AlarmDescription: alarm.description,
            Namespace: alarm.namespace,
            MetricName: alarm.metricName,
            Dimensions: alarm.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
            Statistic: alarm.statistic as Statistic | undefined,
            ExtendedStatistic: alarm.extendedStatistic,
            Period: alarm.periodSeconds,
            EvaluationPeriods: alarm.evaluationPeriods,
            DatapointsToAlarm: alarm.datapointsToAlarm,
            Threshold: alarm.threshold,
            ComparisonOperator: alarm.comparisonOperator as ComparisonOperator,
            TreatMissingData: alarm.treatMissingData,
            AlarmActions: alarm.alarmActions,
            OKActions: alarm.okActions,
            InsufficientDataActions: alarm.insufficientDataActions,
          }),
        ),
      ),

    async waitUntilActive(region, table) {
      await waitUntilTableExists(
        { client: clientsFor(region).dynamodb, maxWaitTime: 600, minDelay: 2 },
        { TableName: table },
      );
    },
  };
}
