import type { RegionPrices } from './prices';

/** AWS bills storage per GB-month with GB = 2^30 bytes. */
export const BYTES_PER_GB = 1024 ** 3;

export interface BackupSize {
  sizeBytes: number;
  /** `USER`, `SYSTEM`, `AWS_BACKUP` (billed by AWS Backup, not DynamoDB). */
  type: string;
}

export interface TableCostInput {
  table: string;
  /** Table data, as DescribeTable reports it. */
  tableBytes: number;
  lsiBytes: number;
  gsiBytes: number;
  pitrEnabled: boolean;
  backups: BackupSize[];
}

export interface TableCost {
  table: string;
  /** What PITR and backups are billed on: table + LSIs. */
  pitrBytes: number;
  /** What a restore is billed on: table + LSIs + GSIs. */
  restoreBytes: number;
  pitrEnabled: boolean;
  /** Monthly PITR cost if enabled (or what enabling would add); undefined: no price. */
  pitrMonthly?: number;
  backupCount: number;
  backupBytes: number;
  backupMonthly?: number;
  awsBackupCount: number;
  awsBackupBytes: number;
  restoreOnce?: number;
  /** PITR (when on) plus on-demand backups; undefined if a needed price is missing. */
  totalMonthly?: number;
}

const times = (bytes: number, price: number | undefined) =>
  price === undefined ? undefined : (bytes / BYTES_PER_GB) * price;

/** Monthly cost of a table's PITR and DynamoDB-billed backups, and of one full restore. */
export function costOfTable(input: TableCostInput, prices: RegionPrices): TableCost {
  const pitrBytes = input.tableBytes + input.lsiBytes;
  const restoreBytes = pitrBytes + input.gsiBytes;
  const ours = input.backups.filter((b) => b.type !== 'AWS_BACKUP');
  const awsBackup = input.backups.filter((b) => b.type === 'AWS_BACKUP');
  const backupBytes = ours.reduce((sum, b) => sum + b.sizeBytes, 0);
  const pitrMonthly = times(pitrBytes, prices.pitrPerGbMonth);
  const backupMonthly = ours.length === 0 ? 0 : times(backupBytes, prices.backupPerGbMonth);
  const pitrPart = input.pitrEnabled ? pitrMonthly : 0;
  return {
    table: input.table,
    pitrBytes,
    restoreBytes,
    pitrEnabled: input.pitrEnabled,
    pitrMonthly,
    backupCount: ours.length,
    backupBytes,
    backupMonthly,
    awsBackupCount: awsBackup.length,
    awsBackupBytes: awsBackup.reduce((sum, b) => sum + b.sizeBytes, 0),
    restoreOnce: times(restoreBytes, prices.restorePerGb),
    totalMonthly: pitrPart === undefined || backupMonthly === undefined ? undefined : pitrPart + backupMonthly,
  };
}
