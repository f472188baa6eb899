import type { BackupSummary, DynamoDBClient, TableDescription } from '@aws-sdk/client-dynamodb';
import * as ddb from '@aws-sdk/client-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';

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
  readonly tables: Map<string, TableDescription>;
  readonly pitr: Map<string, FakePitr>;
  backups: BackupSummary[] = [];
  /** Delays every call (to test that acks do not wait for AWS). */
  delayMs = 0;

  /** `sharing`: another process's view of the same account (same tables), e.g. after a restart. */
  constructor(
    private readonly mock: AwsClientStub<DynamoDBClient>,
    private readonly region = 'us-east-1',
    sharing?: FakeDynamoDb,
  ) {
    this.tables = sharing?.tables ?? new Map();
    this.pitr = sharing?.pitr ?? new Map();
    this.install();
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
    const table = tableDescription(this.region, name, {
      TableStatus: 'CREATING',
      CreationDateTime: new Date(),
      TableSizeBytes: 0,
      ItemCount: 0,
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
