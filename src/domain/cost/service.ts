import type { Clock } from '../../lib/clock';
import { createLimiter } from '../../lib/concurrency';
import { formatBytes, formatInstantThreeWays, formatUsd } from '../../lib/format';
import type { Policy } from '../policy';
import { ephemeral, type Reply } from '../reply';
import type { BackupInfo, DynamoDbGateway } from '../tables';
import { costOfTable, type TableCost } from './maths';
import type { PriceService } from './price-service';
import { describePriceSource, type RegionPrices } from './prices';

/** At most this many AWS calls in flight for a region summary (thousands of tables). */
export const COST_CONCURRENCY = 16;
const TOP = 20;

const usd = (amount: number | undefined) => (amount === undefined ? 'no price' : formatUsd(amount));
const perMonth = (amount: number | undefined) => (amount === undefined ? 'no price' : `${formatUsd(amount)}/month`);

/** What PITR, backups and restores cost (design §5), from AWS list prices for the table's region. */
export class CostService {
  constructor(
    private readonly deps: { gateway: DynamoDbGateway; prices: PriceService; policy: Policy; clock: Clock },
  ) {}

  async tableCost(region: string, table: string): Promise<Reply> {
    const { gateway } = this.deps;
    const info = await gateway.describeTable(region, table);
    if (info === undefined) return ephemeral(`Table \`${table}\` was not found in ${region}.`);
    const [pitr, backups, prices] = await Promise.all([
      gateway.describePitr(region, table),
      gateway.listBackups(region, table),
      this.deps.prices.pricesFor(region),
    ]);
    const cost = costOfTable(
      {
        table,
        tableBytes: info.sizeBytes,
        lsiBytes: info.lsiSizeBytes,
        gsiBytes: info.gsiSizeBytes,
        pitrEnabled: pitr.enabled,
        backups: backups.filter((b) => b.status !== 'DELETED'),
      },
      prices,
    );
    return ephemeral(`Backup costs of \`${table}\` (${region}), per month at list prices:`, [
      `*Size:* about ${formatBytes(cost.pitrBytes)} (table + local indexes, what PITR and backups bill on; as of DynamoDB's last size refresh, about every six hours)`,
      cost.pitrEnabled
        ? `*PITR:* on · ${perMonth(cost.pitrMonthly)}`
        : `*PITR:* off · turning it on would add ${perMonth(cost.pitrMonthly)}`,
      `*On-demand backups:* ${cost.backupCount} · ${formatBytes(cost.backupBytes)} · ${perMonth(cost.backupMonthly)}` +
        (cost.awsBackupCount > 0
          ? `\n*AWS Backup backups:* ${cost.awsBackupCount} · ${formatBytes(cost.awsBackupBytes)} · billed by AWS Backup, not included`
          : ''),
      `*One full restore:* ${usd(cost.restoreOnce)} (billed once, on about ${formatBytes(cost.restoreBytes)} including global indexes)`,
      `*Total:* ${perMonth(cost.totalMonthly)}`,
      this.footnote(prices),
    ]);
  }

  /** Every table in the region, sorted by monthly backup cost; paginated reads, bounded concurrency. */
  async regionSummary(region: string): Promise<Reply> {
    // The prices the costs were computed with: asking again would repeat a failing API call.
    const { costs, prices } = await this.regionCosts(region);
    const sorted = [...costs].sort((a, b) => monthly(b) - monthly(a));
    const sum = (pick: (c: TableCost) => number | undefined) => sorted.reduce((total, c) => total + (pick(c) ?? 0), 0);
    const totalPitr = sum((c) => (c.pitrEnabled ? c.pitrMonthly : 0));
    const totalBackups = sum((c) => c.backupMonthly);
    const lines = sorted
      .slice(0, TOP)
      .map(
        (c, i) =>
          `${i + 1}. \`${c.table}\` · PITR ${c.pitrEnabled ? perMonth(c.pitrMonthly) : 'off'} · ${c.backupCount} backup(s) ${perMonth(c.backupMonthly)} · total ${perMonth(c.totalMonthly)}`,
      );
    return {
      visibility: 'ephemeral',
      text: `Backup costs in ${region}: ${sorted.length} table(s), about ${formatUsd(totalPitr + totalBackups)}/month at list prices`,
      sections: [
        `*PITR:* ${formatUsd(totalPitr)}/month · *On-demand backups:* ${formatUsd(totalBackups)}/month`,
        `*Top ${Math.min(TOP, sorted.length)} by monthly cost:*\n${lines.join('\n')}`,
        sorted.length > TOP ? `The full list of ${sorted.length} tables is in the attached CSV.` : '',
        this.footnote(prices),
      ].filter(Boolean),
      file: {
        filename: `dynamodb-backup-costs-${region}.csv`,
        title: `DynamoDB backup costs, ${region}`,
        content: toCsv(sorted),
      },
    };
  }

  /** The costs of every table: ListTables and ListBackups paginate; the rest runs 16 at a time. */
  async regionCosts(region: string): Promise<{ costs: TableCost[]; prices: RegionPrices }> {
    const { gateway } = this.deps;
    const limit = createLimiter(COST_CONCURRENCY);
    // Every call goes through the limiter, the paginated chains too (each holds one slot at a time).
    const pricesPromise = limit(() => this.deps.prices.pricesFor(region));
    const backupsPromise = limit(() => gateway.listBackups(region)); // one paginated chain for the whole region
    const tables = (await limit(() => gateway.listTables(region))).filter(
      (t) => this.deps.policy.isTableInScope(t).allowed,
    );
    const described = await Promise.all(
      tables.map((table) =>
        Promise.all([
          limit(() => gateway.describeTable(region, table)),
          limit(() => gateway.describePitr(region, table)),
        ]).then(([info, pitr]) => ({
          table,
          info,
          pitr,
        })),
      ),
    );
    const [prices, backups] = await Promise.all([pricesPromise, backupsPromise]);
    const byTable = new Map<string, BackupInfo[]>();
    for (const backup of backups) {
      if (backup.status === 'DELETED') continue;
      const list = byTable.get(backup.tableName) ?? [];
      list.push(backup);
      byTable.set(backup.tableName, list);
    }
    const costs = described
      .filter((d) => d.info !== undefined)
      .map(({ table, info, pitr }) =>
        costOfTable(
          {
            table,
            tableBytes: info?.sizeBytes ?? 0,
            lsiBytes: info?.lsiSizeBytes ?? 0,
            gsiBytes: info?.gsiSizeBytes ?? 0,
            pitrEnabled: pitr.enabled,
            backups: byTable.get(table) ?? [],
          },
          prices,
        ),
      );
    return { costs, prices };
  }

  /** The region's prices (cached), for listings that show what each item costs. */
  pricesFor(region: string): Promise<RegionPrices> {
    return this.deps.prices.pricesFor(region);
  }

  /** What `pitr <table> on` will add per month, in words; undefined when there is no price. */
  async pitrMonthlyFor(region: string, billedBytes: number): Promise<string | undefined> {
    const prices = await this.deps.prices.pricesFor(region);
    const cost = costOfTable(
      { table: '', tableBytes: billedBytes, lsiBytes: 0, gsiBytes: 0, pitrEnabled: true, backups: [] },
      prices,
    );
    return cost.pitrMonthly === undefined
      ? undefined
      : `${formatUsd(cost.pitrMonthly)}/month (${describePriceSource(prices)})`;
  }

  /** The estimated cost of one restore of `restoreBytes`, for the request card. */
  async restoreCostFor(region: string, restoreBytes: number): Promise<{ usd: number; source: string } | undefined> {
    const prices = await this.deps.prices.pricesFor(region);
    if (prices.restorePerGb === undefined) return undefined;
    const cost = costOfTable(
      { table: '', tableBytes: restoreBytes, lsiBytes: 0, gsiBytes: 0, pitrEnabled: false, backups: [] },
      prices,
    );
    return { usd: cost.restoreOnce ?? 0, source: describePriceSource(prices) };
  }

  private footnote(prices: RegionPrices): string {
    const nowMs = this.deps.clock.now().getTime();
    return (
      `_USD list prices: ${describePriceSource(prices)}; sizes in binary units (AWS bills per GB-month). ` +
      `Estimates from DescribeTable/DescribeBackup sizes, which leave out per-item overhead. Computed ${formatInstantThreeWays(nowMs, nowMs)}._`
    );
  }
}

function monthly(cost: TableCost): number {
  return (cost.pitrEnabled ? (cost.pitrMonthly ?? 0) : 0) + (cost.backupMonthly ?? 0);
}

function toCsv(costs: TableCost[]): string {
  const rows = costs.map((c) =>
    [
      c.table,
      c.pitrBytes,
      c.pitrEnabled ? 'on' : 'off',
      c.pitrMonthly?.toFixed(4) ?? '',
      c.backupCount,
      c.backupBytes,
      c.backupMonthly?.toFixed(4) ?? '',
      c.awsBackupCount,
      c.restoreOnce?.toFixed(4) ?? '',
      c.totalMonthly?.toFixed(4) ?? '',
    ].join(','),
  );
  return [
    'table,billed_bytes,pitr,pitr_usd_month,backups,backup_bytes,backup_usd_month,aws_backup_backups,restore_usd,total_usd_month',
    ...rows,
  ].join('\n');
}
