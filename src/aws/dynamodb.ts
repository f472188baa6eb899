import {
  type BackupSummary,
  type ContinuousBackupsDescription,
  CreateBackupCommand,
  DeleteBackupCommand,
  DescribeBackupCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListBackupsCommand,
  type ListBackupsCommandOutput,
  ListTablesCommand,
  type ListTablesCommandOutput,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
  type TableDescription,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import type { BackupInfo, DynamoDbGateway, PitrInfo, TableInfo } from '../domain/tables';
import type { AwsClientsFor } from './clients';
import { type CallContext, translateAwsError } from './errors';

async function call<T>(context: CallContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translateAwsError(error, context);
  }
}

export function toTableInfo(table: TableDescription): TableInfo {
  const sum = (indexes: Array<{ IndexSizeBytes?: number }> | undefined) =>
    (indexes ?? []).reduce((total, index) => total + (index.IndexSizeBytes ?? 0), 0);
  const restore = table.RestoreSummary;
  return {
    name: table.TableName ?? '',
    arn: table.TableArn ?? '',
    status: table.TableStatus ?? 'UNKNOWN',
    sizeBytes: table.TableSizeBytes ?? 0,
    itemCount: table.ItemCount ?? 0,
    lsiSizeBytes: sum(table.LocalSecondaryIndexes),
    gsiSizeBytes: sum(table.GlobalSecondaryIndexes),
    createdMs: table.CreationDateTime?.getTime(),
    restore:
      restore === undefined
        ? undefined
        : {
            sourceTableArn: restore.SourceTableArn,
            sourceBackupArn: restore.SourceBackupArn,
            restoreDateTimeMs: restore.RestoreDateTime?.getTime() ?? 0,
            inProgress: restore.RestoreInProgress ?? false,
          },
  };
}

function toPitrInfo(description: ContinuousBackupsDescription | undefined): PitrInfo {
  const pitr = description?.PointInTimeRecoveryDescription;
  return {
    enabled: pitr?.PointInTimeRecoveryStatus === 'ENABLED',
    earliestMs: pitr?.EarliestRestorableDateTime?.getTime(),
    latestMs: pitr?.LatestRestorableDateTime?.getTime(),
    recoveryPeriodDays: pitr?.RecoveryPeriodInDays,
  };
}

function toBackupInfo(summary: BackupSummary): BackupInfo {
  return {
    arn: summary.BackupArn ?? '',
    name: summary.BackupName ?? '',
    tableName: summary.TableName ?? '',
    createdMs: summary.BackupCreationDateTime?.getTime() ?? 0,
    sizeBytes: summary.BackupSizeBytes ?? 0,
    status: summary.BackupStatus ?? 'UNKNOWN',
    type: summary.BackupType ?? 'USER',
  };
}

/** DynamoDB through the SDK: shapes in, domain types out, every error translated. */
export function createDynamoDbGateway(clientsFor: AwsClientsFor): DynamoDbGateway {
  return {
    async describeTable(region, table) {
      try {
        const { Table } = await clientsFor(region).dynamodb.send(new DescribeTableCommand({ TableName: table }));
        return Table === undefined ? undefined : toTableInfo(Table);
      } catch (error) {
        if (error instanceof Error && error.name === 'ResourceNotFoundException') return undefined;
        throw translateAwsError(error, { operation: 'DescribeTable', region, resource: `table \`${table}\`` });
      }
    },

    async describePitr(region, table) {
      const output = await call(
        { operation: 'DescribeContinuousBackups', region, resource: `table \`${table}\`` },
        () => clientsFor(region).dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: table })),
      );
      return toPitrInfo(output.ContinuousBackupsDescription);
    },

    async listBackups(region, table) {
      const backups: BackupInfo[] = [];
      let start: string | undefined;
      do {
        const page: ListBackupsCommandOutput = await call(
          { operation: 'ListBackups', region, resource: table ? `the backups of \`${table}\`` : 'the backups' },
          () =>
            clientsFor(region).dynamodb.send(
              new ListBackupsCommand({ TableName: table, ExclusiveStartBackupArn: start }),
            ),
        );
        backups.push(...(page.BackupSummaries ?? []).map(toBackupInfo));
        start = page.LastEvaluatedBackupArn;
      } while (start !== undefined);
      return backups.sort((a, b) => b.createdMs - a.createdMs);
    },

    async describeBackup(region, arn) {
      try {
        const { BackupDescription } = await clientsFor(region).dynamodb.send(
          new DescribeBackupCommand({ BackupArn: arn }),
        );
        const details = BackupDescription?.BackupDetails;
        if (details === undefined) return undefined;
        return toBackupInfo({
          ...details,
          TableName: BackupDescription?.SourceTableDetails?.TableName,
          BackupSizeBytes: details.BackupSizeBytes,
        });
      } catch (error) {
        if (error instanceof Error && error.name === 'BackupNotFoundException') return undefined;
        throw translateAwsError(error, { operation: 'DescribeBackup', region, resource: `backup ${arn}` });
      }
    },

    async restoreToPointInTime(region, { sourceTableArn, targetTable, restoreDateTimeMs }) {
      const output = await call(
        { operation: 'RestoreTableToPointInTime', region, resource: `table \`${targetTable}\`` },
        () =>
          clientsFor(region).dynamodbSingleAttempt.send(
            new RestoreTableToPointInTimeCommand({
              SourceTableArn: sourceTableArn,
              TargetTableName: targetTable,
              ...(restoreDateTimeMs === undefined
                ? { UseLatestRestorableTime: true }
                : { RestoreDateTime: new Date(restoreDateTimeMs) }),
            }),
          ),
      );
      return toTableInfo(output.TableDescription ?? { TableName: targetTable });
    },

    async listTables(region) {
      const names: string[] = [];
      let start: string | undefined;
      do {
        const page: ListTablesCommandOutput = await call(
          { operation: 'ListTables', region, resource: 'the tables' },
          () => clientsFor(region).dynamodb.send(new ListTablesCommand({ ExclusiveStartTableName: start, Limit: 100 })),
        );
        names.push(...(page.TableNames ?? []));
        start = page.LastEvaluatedTableName;
      } while (start !== undefined);
      return names;
    },

    async createBackup(region, table, name) {
      const { BackupDetails } = await call({ operation: 'CreateBackup', region, resource: `table \`${table}\`` }, () =>
        clientsFor(region).dynamodb.send(new CreateBackupCommand({ TableName: table, BackupName: name })),
      );
      return toBackupInfo({ ...BackupDetails, TableName: table });
    },

    async deleteBackup(region, arn) {
      await call({ operation: 'DeleteBackup', region, resource: `backup ${arn}` }, () =>
        clientsFor(region).dynamodb.send(new DeleteBackupCommand({ BackupArn: arn })),
      );
    },

    async updatePitr(region, table, enabled, recoveryPeriodDays) {
      const output = await call({ operation: 'UpdateContinuousBackups', region, resource: `table \`${table}\`` }, () =>
        clientsFor(region).dynamodb.send(
          new UpdateContinuousBackupsCommand({
            TableName: table,
            PointInTimeRecoverySpecification: {
              PointInTimeRecoveryEnabled: enabled,
              ...(enabled && recoveryPeriodDays !== undefined ? { RecoveryPeriodInDays: recoveryPeriodDays } : {}),
            },
          }),
        ),
      );
      return toPitrInfo(output.ContinuousBackupsDescription);
    },

    async restoreFromBackup(region, { backupArn, targetTable }) {
      const output = await call(
        { operation: 'RestoreTableFromBackup', region, resource: `table \`${targetTable}\`` },
        () =>
          clientsFor(region).dynamodbSingleAttempt.send(
            new RestoreTableFromBackupCommand({ BackupArn: backupArn, TargetTableName: targetTable }),
          ),
      );
      return toTableInfo(output.TableDescription ?? { TableName: targetTable });
    },
  };
}
