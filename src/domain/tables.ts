/** What the bot knows about DynamoDB tables and backups, free of SDK types. */

export interface TableRestoreInfo {
  sourceTableArn?: string;
  sourceBackupArn?: string;
  restoreDateTimeMs: number;
  inProgress: boolean;
}

export interface TableInfo {
  name: string;
  arn: string;
  /** `CREATING`, `ACTIVE`, `UPDATING`, `DELETING`, `INACCESSIBLE_ENCRYPTION_CREDENTIALS`, `ARCHIVING`, `ARCHIVED` */
  status: string;
  /** Refreshed by DynamoDB about every six hours. */
  sizeBytes: number;
  itemCount: number;
  lsiSizeBytes: number;
  gsiSizeBytes: number;
  createdMs?: number;
  /** Set when the table was made by a restore. */
  restore?: TableRestoreInfo;
}

export interface PitrInfo {
  enabled: boolean;
  earliestMs?: number;
  latestMs?: number;
  recoveryPeriodDays?: number;
}

export interface BackupInfo {
  arn: string;
  name: string;
  tableName: string;
  createdMs: number;
  sizeBytes: number;
  /** `CREATING`, `AVAILABLE`, `DELETED` */
  status: string;
  /** `USER`, `SYSTEM`, `AWS_BACKUP` */
  type: string;
}

/** The DynamoDB calls the domain makes; aws/dynamodb.ts implements it with the SDK. */
export interface DynamoDbGateway {
  /** Undefined when the table does not exist. */
  describeTable(region: string, table: string): Promise<TableInfo | undefined>;
  describePitr(region: string, table: string): Promise<PitrInfo>;
  /** Every backup (all pages), newest first; one table's when `table` is given. */
  listBackups(region: string, table?: string): Promise<BackupInfo[]>;
  describeBackup(region: string, arn: string): Promise<BackupInfo | undefined>;
  /** `restoreDateTimeMs` undefined means DynamoDB's latest restorable time. */
  restoreToPointInTime(
    region: string,
    input: { sourceTableArn: string; targetTable: string; restoreDateTimeMs?: number },
  ): Promise<TableInfo>;
  restoreFromBackup(region: string, input: { backupArn: string; targetTable: string }): Promise<TableInfo>;
  /** Every table name in the region (all pages). */
  listTables(region: string): Promise<string[]>;
  createBackup(region: string, table: string, name: string): Promise<BackupInfo>;
  deleteBackup(region: string, arn: string): Promise<void>;
  /** `UpdateContinuousBackups`; returns the state DynamoDB reports afterwards. */
  updatePitr(region: string, table: string, enabled: boolean, recoveryPeriodDays?: number): Promise<PitrInfo>;
}
