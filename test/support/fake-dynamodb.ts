import * as aas from '@aws-sdk/client-application-auto-scaling';
import * as cw from '@aws-sdk/client-cloudwatch';
import type { BackupSummary, TableDescription } from '@aws-sdk/client-dynamodb';
import * as ddb from '@aws-sdk/client-dynamodb';
import * as lambda from '@aws-sdk/client-lambda';
import { GetProductsCommand } from '@aws-sdk/client-pricing';
import type { MockedAws } from './aws';
import { getProductsHandler, LIST_PRICES } from './price-list';

type RegionMocks = ReturnType<MockedAws['mocks']>;

/** Per-table settings DynamoDB keeps outside DescribeTable. */
export interface FakeTableExtras {
  tags: Array<{ Key: string; Value: string }>;
  ttlAttribute?: string;
  contributorInsights: Record<string, string>;
  kinesisStreams: string[];
  resourcePolicy?: string;
}

/** Everything the fake account holds; two processes of the bot share one. */
interface FakeAccount {
  tables: Map<string, TableDescription>;
  pitr: Map<string, FakePitr>;
  extras: Map<string, FakeTableExtras>;
  /** `table/x` or `table/x/index/y` → dimension → target */
  scaling: Map<string, Map<string, aas.ScalableTarget & { policies: aas.ScalingPolicy[] }>>;
  alarms: cw.MetricAlarm[];
  mappings: lambda.EventSourceMappingConfiguration[];
  backups: BackupSummary[];
}

export const ACCOUNT = '123456789012';

export function tableArn(region: string, name: string): string {
  return `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`;
}

/** A TableDescription as DescribeTable returns it (API reference shape). */
export function tableDescription(
  region: string,
  name: string,
  overrides: Partial<TableDescription> = {},
): TableDescription {
  return {
    TableName: name,
    TableArn: tableArn(region, name),
    TableId: '4f5c8d2e-0b1a-4c3d-9e8f-112233445566',
    TableStatus: 'ACTIVE',
    CreationDateTime: new Date('2025-03-01T09:00:00Z'),
    TableSizeBytes: 5_368_709_120,
    ItemCount: 1_200_000,
    KeySchema: [{ AttributeName: 'employeeId', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'employeeId', AttributeType: 'S' },
      { AttributeName: 'department', AttributeType: 'S' },
    ],
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byDepartment',
        IndexStatus: 'ACTIVE',
        IndexSizeBytes: 1_073_741_824,
        ItemCount: 1_200_000,
        KeySchema: [{ AttributeName: 'department', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
        IndexArn: `${tableArn(region, name)}/index/byDepartment`,
      },
    ],
    DeletionProtectionEnabled: false,
    ...overrides,
  };
}

export function backupArn(region: string, table: string, suffix: string): string {
  return `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${table}/backup/${suffix}`;
}

/** Errors as the SDK raises them: the modeled exception classes, or a service exception by name. */
export function awsError(name: string, message = name, fault: 'client' | 'server' = 'client'): Error {
  const Modeled = (ddb as unknown as Record<string, unknown>)[name];
  const options = { message, $metadata: { httpStatusCode: fault === 'server' ? 500 : 400, requestId: 'REQ123' } };
  if (typeof Modeled === 'function' && name !== 'DynamoDBServiceException') {
    return new (Modeled as new (o: typeof options) => Error)(options);
  }
  return new ddb.DynamoDBServiceException({ ...options, name, $fault: fault });
}

export interface FakePitr {
  enabled: boolean;
  earliest?: Date;
  latest?: Date;
  days?: number;
}

/**
 * A small DynamoDB control plane behind the SDK mock: tables, PITR and backups, and restores that
 * create the target in CREATING with a RestoreSummary, as DynamoDB does. Tests flip a restore to
 * ACTIVE with `finishRestore`.
 */
export class FakeDynamoDb {
  readonly account: FakeAccount;
  /** Delays every call (to test that acks do not wait for AWS). */
  delayMs = 0;
  private readonly mock: RegionMocks['dynamodb'];

  /** `sharing`: another process's view of the same account (same tables), e.g. after a restart. */
  constructor(
    mocks: RegionMocks,
    private readonly region = 'us-east-1',
    sharing?: FakeDynamoDb,
  ) {
    this.mock = mocks.dynamodb;
    this.account = sharing?.account ?? {
      tables: new Map(),
      pitr: new Map(),
      extras: new Map(),
      scaling: new Map(),
      alarms: [],
      mappings: [],
      backups: [],
    };
    this.install();
    installSettings(this, mocks, region);
  }

  get tables(): Map<string, TableDescription> {
    return this.account.tables;
  }

  get pitr(): Map<string, FakePitr> {
    return this.account.pitr;
  }

  get backups(): BackupSummary[] {
    return this.account.backups;
  }

  set backups(backups: BackupSummary[]) {
    this.account.backups = backups;
  }

  extrasOf(table: string): FakeTableExtras {
    let extras = this.account.extras.get(table);
    if (extras === undefined) {
      extras = { tags: [], contributorInsights: {}, kinesisStreams: [] };
      this.account.extras.set(table, extras);
    }
    return extras;
  }

  /** Registers an auto-scaling target with one target-tracking policy, as Application Auto Scaling holds it. */
  addScaling(
    resourceId: string,
    dimension: aas.ScalableDimension,
    min: number,
    max: number,
    targetValue: number,
  ): void {
    const byDimension = this.account.scaling.get(resourceId) ?? new Map();
    const metric = dimension.endsWith('ReadCapacityUnits')
      ? 'DynamoDBReadCapacityUtilization'
      : 'DynamoDBWriteCapacityUtilization';
    byDimension.set(dimension, {
      ServiceNamespace: 'dynamodb',
      ResourceId: resourceId,
      ScalableDimension: dimension,
      MinCapacity: min,
      MaxCapacity: max,
      RoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable`,
      CreationTime: new Date('2025-03-01T09:00:00Z'),
      policies: [
        {
          PolicyARN: `arn:aws:autoscaling:${this.region}:${ACCOUNT}:scalingPolicy:x:resource/dynamodb/${resourceId}:policyName/${metric}:${resourceId}`,
          PolicyName: `${metric}:${resourceId}`,
          ServiceNamespace: 'dynamodb',
          ResourceId: resourceId,
          ScalableDimension: dimension,
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: targetValue,
            PredefinedMetricSpecification: { PredefinedMetricType: metric },
            ScaleInCooldown: 60,
            ScaleOutCooldown: 60,
          },
          CreationTime: new Date('2025-03-01T09:00:00Z'),
        },
      ],
    });
    this.account.scaling.set(resourceId, byDimension);
  }

  addTable(name: string, overrides: Partial<TableDescription> = {}): TableDescription {
    const table = tableDescription(this.region, name, overrides);
    this.tables.set(name, table);
    return table;
  }

  finishRestore(name: string): void {
    const table = this.tables.get(name);
    if (table === undefined) throw new Error(`no table ${name}`);
    this.tables.set(name, {
      ...table,
      TableStatus: 'ACTIVE',
      ItemCount: 1_199_874,
      TableSizeBytes: 5_368_000_000,
      RestoreSummary: table.RestoreSummary && { ...table.RestoreSummary, RestoreInProgress: false },
    });
  }

  restoreCalls(): number {
    return (
      this.mock.commandCalls(ddb.RestoreTableToPointInTimeCommand).length +
      this.mock.commandCalls(ddb.RestoreTableFromBackupCommand).length
    );
  }

  private async delay(): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
  }

  private install(): void {
    const { mock } = this;
    mock.on(ddb.DescribeTableCommand).callsFake(async (input: ddb.DescribeTableCommandInput) => {
      await this.delay();
      const table = this.tables.get(input.TableName ?? '');
      if (table === undefined)
        throw awsError(
          'ResourceNotFoundException',
          `Requested resource not found: Table: ${input.TableName} not found`,
        );
      return { Table: table };
    });
    mock
      .on(ddb.DescribeContinuousBackupsCommand)
      .callsFake(async (input: ddb.DescribeContinuousBackupsCommandInput) => {
        await this.delay();
        if (!this.tables.has(input.TableName ?? ''))
          throw awsError('TableNotFoundException', `Table not found: ${input.TableName}`);
        const pitr = this.pitr.get(input.TableName ?? '') ?? { enabled: false };
        return {
          ContinuousBackupsDescription: {
            ContinuousBackupsStatus: 'ENABLED',
            PointInTimeRecoveryDescription: pitr.enabled
              ? {
                  PointInTimeRecoveryStatus: 'ENABLED',
                  EarliestRestorableDateTime: pitr.earliest,
                  LatestRestorableDateTime: pitr.latest,
                  RecoveryPeriodInDays: pitr.days ?? 35,
                }
              : { PointInTimeRecoveryStatus: 'DISABLED' },
          },
        };
      });
    mock.on(ddb.ListBackupsCommand).callsFake(async (input: ddb.ListBackupsCommandInput) => {
      await this.delay();
      const matching = this.backups.filter((b) => input.TableName === undefined || b.TableName === input.TableName);
      const start =
        input.ExclusiveStartBackupArn === undefined
          ? 0
          : matching.findIndex((b) => b.BackupArn === input.ExclusiveStartBackupArn) + 1;
      const page = matching.slice(start, start + 2); // small pages, so pagination is always exercised
      const more = start + 2 < matching.length;
      return { BackupSummaries: page, LastEvaluatedBackupArn: more ? page.at(-1)?.BackupArn : undefined };
    });
    mock.on(ddb.DescribeBackupCommand).callsFake(async (input: ddb.DescribeBackupCommandInput) => {
      await this.delay();
      const backup = this.backups.find((b) => b.BackupArn === input.BackupArn);
      if (backup === undefined) throw awsError('BackupNotFoundException', `Backup not found: ${input.BackupArn}`);
      return {
        BackupDescription: {
          BackupDetails: {
            BackupArn: backup.BackupArn,
            BackupName: backup.BackupName,
            BackupSizeBytes: backup.BackupSizeBytes,
            BackupStatus: backup.BackupStatus,
            BackupType: backup.BackupType,
            BackupCreationDateTime: backup.BackupCreationDateTime,
          },
          SourceTableDetails: {
            TableName: backup.TableName,
            TableId: 'x',
            KeySchema: [],
            TableCreationDateTime: new Date(0),
            ProvisionedThroughput: {},
          },
        },
      };
    });
    mock
      .on(ddb.RestoreTableToPointInTimeCommand)
      .callsFake(async (input: ddb.RestoreTableToPointInTimeCommandInput) => {
        await this.delay();
        const source = [...this.tables.values()].find(
          (t) => t.TableArn === input.SourceTableArn || t.TableName === input.SourceTableName,
        );
        if (source === undefined) throw awsError('TableNotFoundException', 'Source table not found');
        if (this.tables.has(input.TargetTableName ?? ''))
          throw awsError('TableAlreadyExistsException', `Table already exists: ${input.TargetTableName}`);
        const pitr = this.pitr.get(source.TableName ?? '');
        if (!pitr?.enabled)
          throw awsError('PointInTimeRecoveryUnavailableException', 'Point in time recovery is not enabled for table');
        const restoreDateTime = input.UseLatestRestorableTime ? pitr.latest : input.RestoreDateTime;
        return {
          TableDescription: this.createRestored(input.TargetTableName ?? '', {
            SourceTableArn: source.TableArn,
            RestoreDateTime: restoreDateTime,
          }),
        };
      });
    mock.on(ddb.CreateBackupCommand).callsFake(async (input: ddb.CreateBackupCommandInput) => {
      await this.delay();
      const table = this.tables.get(input.TableName ?? '');
      if (table === undefined) throw awsError('TableNotFoundException', `Table not found: ${input.TableName}`);
      const created = new Date();
      const summary = backupSummary(this.region, input.TableName ?? '', input.BackupName ?? '', created, {
        BackupStatus: 'CREATING',
        BackupSizeBytes: table.TableSizeBytes,
        BackupArn: backupArn(
          this.region,
          input.TableName ?? '',
          `${String(created.getTime()).padStart(14, '0')}-${String(this.backups.length).padStart(8, '0')}`,
        ),
      });
      this.backups.push(summary);
      return {
        BackupDetails: {
          BackupArn: summary.BackupArn,
          BackupName: summary.BackupName,
          BackupSizeBytes: summary.BackupSizeBytes,
          BackupStatus: 'CREATING',
          BackupType: 'USER',
          BackupCreationDateTime: created,
        },
      };
    });
    mock.on(ddb.DeleteBackupCommand).callsFake(async (input: ddb.DeleteBackupCommandInput) => {
      await this.delay();
      const backup = this.backups.find((b) => b.BackupArn === input.BackupArn);
      if (backup === undefined) throw awsError('BackupNotFoundException', `Backup not found: ${input.BackupArn}`);
      this.backups = this.backups.filter((b) => b !== backup);
      return { BackupDescription: { BackupDetails: { ...backup, BackupStatus: 'DELETED' } as never } };
    });
    mock.on(ddb.RestoreTableFromBackupCommand).callsFake(async (input: ddb.RestoreTableFromBackupCommandInput) => {
      await this.delay();
      const backup = this.backups.find((b) => b.BackupArn === input.BackupArn);
      if (backup === undefined) throw awsError('BackupNotFoundException', `Backup not found: ${input.BackupArn}`);
      if (this.tables.has(input.TargetTableName ?? ''))
        throw awsError('TableAlreadyExistsException', `Table already exists: ${input.TargetTableName}`);
      return {
        TableDescription: this.createRestored(input.TargetTableName ?? '', {
          SourceBackupArn: backup.BackupArn,
          SourceTableArn: backup.TableArn,
          RestoreDateTime: backup.BackupCreationDateTime,
        }),
      };
    });
  }

  /** What DynamoDB does on RestoreTableToPointInTime, for tests that intercept the call. */
  acceptPointInTimeRestore(input: ddb.RestoreTableToPointInTimeCommandInput): TableDescription {
    const source = [...this.tables.values()].find((t) => t.TableArn === input.SourceTableArn);
    return this.createRestored(input.TargetTableName ?? '', {
      SourceTableArn: source?.TableArn,
      RestoreDateTime: input.RestoreDateTime,
    });
  }

  private createRestored(
    name: string,
    summary: { SourceTableArn?: string; SourceBackupArn?: string; RestoreDateTime?: Date },
  ): TableDescription {
    // A restore copies key schema, indexes, billing mode and capacity; nothing else (design §4).
    const source = [...this.tables.values()].find((t) => t.TableArn === summary.SourceTableArn);
    const arn = tableArn(this.region, name);
    const table = tableDescription(this.region, name, {
      TableStatus: 'CREATING',
      CreationDateTime: new Date(),
      TableSizeBytes: 0,
      ItemCount: 0,
      ...(source === undefined
        ? {}
        : {
            BillingModeSummary: source.BillingModeSummary,
            ProvisionedThroughput: source.ProvisionedThroughput,
            GlobalSecondaryIndexes: source.GlobalSecondaryIndexes?.map((g) => ({
              ...g,
              IndexArn: `${arn}/index/${g.IndexName}`,
            })),
          }),
      RestoreSummary: { ...summary, RestoreDateTime: summary.RestoreDateTime ?? new Date(), RestoreInProgress: true },
    });
    this.tables.set(name, table);
    return table;
  }
}

export function backupSummary(
  region: string,
  table: string,
  name: string,
  created: Date,
  overrides: Partial<BackupSummary> = {},
): BackupSummary {
  const suffix = `${String(created.getTime()).padStart(14, '0')}-${name
    .replace(/[^a-f0-9]/g, '')
    .padEnd(8, 'a')
    .slice(0, 8)}`;
  return {
    TableName: table,
    TableId: '4f5c8d2e-0b1a-4c3d-9e8f-112233445566',
    TableArn: tableArn(region, table),
    BackupArn: backupArn(region, table, suffix),
    BackupName: name,
    BackupCreationDateTime: created,
    BackupStatus: 'AVAILABLE',
    BackupType: 'USER',
    BackupSizeBytes: 4_294_967_296,
    ...overrides,
  };
}

function tableNameOfArn(arn: string | undefined): string {
  return /:table\/([^/]+)/.exec(arn ?? '')?.[1] ?? '';
}

/**
 * The settings side of the fake account: tags, TTL, streams, PITR, deletion protection, Contributor
 * Insights, Kinesis, resource policies (DynamoDB); scalable targets and policies (Application Auto
 * Scaling); metric alarms (CloudWatch); event source mappings (Lambda). Writes change what later
 * reads return, so reapplying can be checked end to end.
 */
function installSettings(fake: FakeDynamoDb, mocks: RegionMocks, region: string): void {
  const { account } = fake;
  const requireTable = (name: string | undefined) => {
    const table = account.tables.get(name ?? '');
    if (table === undefined)
      throw awsError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
    return table;
  };
  const db = mocks.dynamodb;
  mocks.pricing.on(GetProductsCommand).callsFake(getProductsHandler(LIST_PRICES));
  db.on(ddb.ListTablesCommand).callsFake(async (input: ddb.ListTablesCommandInput) => {
    const names = [...account.tables.keys()].sort();
    const start = input.ExclusiveStartTableName === undefined ? 0 : names.indexOf(input.ExclusiveStartTableName) + 1;
    const limit = input.Limit ?? 100;
    const page = names.slice(start, start + limit);
    return { TableNames: page, LastEvaluatedTableName: start + limit < names.length ? page.at(-1) : undefined };
  });
  db.on(ddb.ListTagsOfResourceCommand).callsFake(async (input: ddb.ListTagsOfResourceCommandInput) => {
    const tags = fake.extrasOf(tableNameOfArn(input.ResourceArn)).tags;
    const start = Number(input.NextToken ?? 0);
    const page = tags.slice(start, start + 20); // pages of 20, so pagination is exercised
    return { Tags: page, NextToken: start + 20 < tags.length ? String(start + 20) : undefined };
  });
  db.on(ddb.TagResourceCommand).callsFake(async (input: ddb.TagResourceCommandInput) => {
    const extras = fake.extrasOf(tableNameOfArn(input.ResourceArn));
    for (const tag of input.Tags ?? []) {
      extras.tags = [...extras.tags.filter((t) => t.Key !== tag.Key), { Key: tag.Key ?? '', Value: tag.Value ?? '' }];
    }
    return {};
  });
  db.on(ddb.DescribeTimeToLiveCommand).callsFake(async (input: ddb.DescribeTimeToLiveCommandInput) => {
    requireTable(input.TableName);
    const attribute = fake.extrasOf(input.TableName ?? '').ttlAttribute;
    return {
      TimeToLiveDescription: attribute
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: attribute }
        : { TimeToLiveStatus: 'DISABLED' },
    };
  });
  db.on(ddb.UpdateTimeToLiveCommand).callsFake(async (input: ddb.UpdateTimeToLiveCommandInput) => {
    requireTable(input.TableName);
    fake.extrasOf(input.TableName ?? '').ttlAttribute = input.TimeToLiveSpecification?.Enabled
      ? input.TimeToLiveSpecification.AttributeName
      : undefined;
    return { TimeToLiveSpecification: input.TimeToLiveSpecification };
  });
  db.on(ddb.UpdateTableCommand).callsFake(async (input: ddb.UpdateTableCommandInput) => {
    const table = requireTable(input.TableName);
    const updated: TableDescription = { ...table };
    if (input.StreamSpecification !== undefined) {
      updated.StreamSpecification = input.StreamSpecification;
      updated.LatestStreamArn = input.StreamSpecification.StreamEnabled
        ? `${table.TableArn}/stream/2026-11-27T19:00:00.000`
        : undefined;
    }
    if (input.DeletionProtectionEnabled !== undefined)
      updated.DeletionProtectionEnabled = input.DeletionProtectionEnabled;
    account.tables.set(input.TableName ?? '', updated);
    return { TableDescription: updated };
  });
  db.on(ddb.UpdateContinuousBackupsCommand).callsFake(async (input: ddb.UpdateContinuousBackupsCommandInput) => {
    requireTable(input.TableName);
    const spec = input.PointInTimeRecoverySpecification;
    account.pitr.set(input.TableName ?? '', {
      enabled: spec?.PointInTimeRecoveryEnabled === true,
      earliest: new Date(),
      latest: new Date(),
      days: spec?.RecoveryPeriodInDays ?? 35,
    });
    return { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED' } };
  });
  db.on(ddb.GetResourcePolicyCommand).callsFake(async (input: ddb.GetResourcePolicyCommandInput) => {
    const policy = fake.extrasOf(tableNameOfArn(input.ResourceArn)).resourcePolicy;
    if (policy === undefined)
      throw awsError('PolicyNotFoundException', 'Resource-based policy not found for the provided ResourceArn');
    return { Policy: policy, RevisionId: '1732600000000' };
  });
  db.on(ddb.DescribeContributorInsightsCommand).callsFake(
    async (input: ddb.DescribeContributorInsightsCommandInput) => {
      requireTable(input.TableName);
      const status = fake.extrasOf(input.TableName ?? '').contributorInsights[input.IndexName ?? ''] ?? 'DISABLED';
      return { TableName: input.TableName, IndexName: input.IndexName, ContributorInsightsStatus: status };
    },
  );
  db.on(ddb.UpdateContributorInsightsCommand).callsFake(async (input: ddb.UpdateContributorInsightsCommandInput) => {
    requireTable(input.TableName);
    fake.extrasOf(input.TableName ?? '').contributorInsights[input.IndexName ?? ''] =
      input.ContributorInsightsAction === 'ENABLE' ? 'ENABLED' : 'DISABLED';
    return { TableName: input.TableName, IndexName: input.IndexName, ContributorInsightsStatus: 'ENABLING' };
  });
  db.on(ddb.DescribeKinesisStreamingDestinationCommand).callsFake(
    async (input: ddb.DescribeKinesisStreamingDestinationCommandInput) => {
      requireTable(input.TableName);
      const streams = fake.extrasOf(input.TableName ?? '').kinesisStreams;
      return {
        TableName: input.TableName,
        KinesisDataStreamDestinations: streams.map((StreamArn) => ({ StreamArn, DestinationStatus: 'ACTIVE' })),
      };
    },
  );
  db.on(ddb.EnableKinesisStreamingDestinationCommand).callsFake(
    async (input: ddb.EnableKinesisStreamingDestinationCommandInput) => {
      requireTable(input.TableName);
      fake.extrasOf(input.TableName ?? '').kinesisStreams.push(input.StreamArn ?? '');
      return { TableName: input.TableName, StreamArn: input.StreamArn, DestinationStatus: 'ENABLING' };
    },
  );

  mocks.autoScaling
    .on(aas.DescribeScalableTargetsCommand)
    .callsFake(async (input: aas.DescribeScalableTargetsCommandInput) => ({
      ScalableTargets: (input.ResourceIds ?? [])
        .flatMap((id) => [...(account.scaling.get(id)?.values() ?? [])])
        .map(({ policies: _policies, ...target }) => target),
    }));
  mocks.autoScaling
    .on(aas.DescribeScalingPoliciesCommand)
    .callsFake(async (input: aas.DescribeScalingPoliciesCommandInput) => ({
      ScalingPolicies: [...(account.scaling.get(input.ResourceId ?? '')?.values() ?? [])]
        .filter((t) => input.ScalableDimension === undefined || t.ScalableDimension === input.ScalableDimension)
        .flatMap((t) => t.policies),
    }));
  mocks.autoScaling
    .on(aas.RegisterScalableTargetCommand)
    .callsFake(async (input: aas.RegisterScalableTargetCommandInput) => {
      const byDimension = account.scaling.get(input.ResourceId ?? '') ?? new Map();
      const existing = byDimension.get(input.ScalableDimension ?? '');
      byDimension.set(input.ScalableDimension ?? '', {
        ServiceNamespace: 'dynamodb',
        ResourceId: input.ResourceId,
        ScalableDimension: input.ScalableDimension,
        MinCapacity: input.MinCapacity,
        MaxCapacity: input.MaxCapacity,
        RoleARN: 'arn:aws:iam::123456789012:role/aws-service-role/x',
        CreationTime: new Date(),
        policies: existing?.policies ?? [],
      });
      account.scaling.set(input.ResourceId ?? '', byDimension);
      return { ScalableTargetARN: `arn:aws:application-autoscaling:${region}:${ACCOUNT}:scalable-target/x` };
    });
  mocks.autoScaling.on(aas.PutScalingPolicyCommand).callsFake(async (input: aas.PutScalingPolicyCommandInput) => {
    const target = account.scaling.get(input.ResourceId ?? '')?.get(input.ScalableDimension ?? '');
    if (target === undefined)
      throw Object.assign(awsError('ObjectNotFoundException', 'No scalable target registered'), {});
    target.policies = [
      ...target.policies.filter((p) => p.PolicyName !== input.PolicyName),
      {
        ...input,
        PolicyARN: `arn:aws:autoscaling:${region}:${ACCOUNT}:scalingPolicy:${input.PolicyName}`,
        CreationTime: new Date(),
      } as aas.ScalingPolicy,
    ];
    return { PolicyARN: `arn:aws:autoscaling:${region}:${ACCOUNT}:scalingPolicy:${input.PolicyName}` };
  });

  mocks.cloudWatch.on(cw.DescribeAlarmsCommand).callsFake(async (input: cw.DescribeAlarmsCommandInput) => {
    const start = Number(input.NextToken ?? 0);
    const size = input.MaxRecords ?? 100;
    return {
      MetricAlarms: account.alarms.slice(start, start + size),
      NextToken: start + size < account.alarms.length ? String(start + size) : undefined,
    };
  });
  mocks.cloudWatch.on(cw.PutMetricAlarmCommand).callsFake(async (input: cw.PutMetricAlarmCommandInput) => {
    account.alarms = [
      ...account.alarms.filter((a) => a.AlarmName !== input.AlarmName),
      {
        ...input,
        AlarmArn: `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${input.AlarmName}`,
        StateValue: 'INSUFFICIENT_DATA',
      } as cw.MetricAlarm,
    ];
    return {};
  });

  mocks.lambda
    .on(lambda.ListEventSourceMappingsCommand)
    .callsFake(async (input: lambda.ListEventSourceMappingsCommandInput) => ({
      EventSourceMappings: account.mappings.filter((m) => m.EventSourceArn === input.EventSourceArn),
    }));
}

/** A CloudWatch metric alarm on a DynamoDB table, as DescribeAlarms returns it. */
export function tableAlarm(
  region: string,
  name: string,
  table: string,
  metric: string,
  overrides: Partial<cw.MetricAlarm> = {},
): cw.MetricAlarm {
  return {
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${name}`,
    AlarmDescription: `${metric} on ${table}`,
    ActionsEnabled: true,
    AlarmActions: [`arn:aws:sns:${region}:${ACCOUNT}:oncall`],
    OKActions: [],
    InsufficientDataActions: [],
    StateValue: 'OK',
    MetricName: metric,
    Namespace: 'AWS/DynamoDB',
    Statistic: 'Sum',
    Dimensions: [{ Name: 'TableName', Value: table }],
    Period: 60,
    EvaluationPeriods: 5,
    DatapointsToAlarm: 3,
    Threshold: 10,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    ...overrides,
  };
}
