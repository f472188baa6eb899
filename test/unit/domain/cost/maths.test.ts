import { BYTES_PER_GB, costOfTable } from '../../../../src/domain/cost/maths';
import type { RegionPrices } from '../../../../src/domain/cost/prices';
import { formatUsd } from '../../../../src/lib/format';

const prices: RegionPrices = {
  region: 'us-east-1',
  pitrPerGbMonth: 0.2,
  backupPerGbMonth: 0.1,
  restorePerGb: 0.15,
  source: 'price-list-api',
  asOf: '2026-09-28',
};
const GB = BYTES_PER_GB;

describe('costOfTable', () => {
  it('bills PITR and backups on table + LSIs, and a restore on table + LSIs + GSIs', () => {
    const cost = costOfTable(
      {
        table: 't',
        tableBytes: 100 * GB,
        lsiBytes: 20 * GB,
        gsiBytes: 30 * GB,
        pitrEnabled: true,
        backups: [
          { sizeBytes: 50 * GB, type: 'USER' },
          { sizeBytes: 50 * GB, type: 'SYSTEM' },
          { sizeBytes: 70 * GB, type: 'AWS_BACKUP' },
        ],
      },
      prices,
    );

    expect(cost.pitrMonthly).toBeCloseTo(24); // 120 GB × $0.20
    expect(cost.backupMonthly).toBeCloseTo(10); // 100 GB × $0.10; AWS Backup excluded
    expect(cost.awsBackupCount).toBe(1);
    expect(cost.restoreOnce).toBeCloseTo(22.5); // 150 GB × $0.15
    expect(cost.totalMonthly).toBeCloseTo(34);
  });

  it('counts no PITR cost when it is off, but says what enabling it would add', () => {
    const cost = costOfTable(
      { table: 't', tableBytes: 10 * GB, lsiBytes: 0, gsiBytes: 0, pitrEnabled: false, backups: [] },
      prices,
    );

    expect(cost.pitrMonthly).toBeCloseTo(2);
    expect(cost.backupMonthly).toBe(0);
    expect(cost.totalMonthly).toBe(0);
  });

  it('leaves a cost undefined, never 0, when there is no price', () => {
    const cost = costOfTable(
      {
        table: 't',
        tableBytes: GB,
        lsiBytes: 0,
        gsiBytes: 0,
        pitrEnabled: true,
        backups: [{ sizeBytes: GB, type: 'USER' }],
      },
      { region: 'xx-new-1', source: 'bundled', asOf: '2026-09-29' },
    );

    expect([cost.pitrMonthly, cost.backupMonthly, cost.restoreOnce, cost.totalMonthly]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('handles sub-cent amounts', () => {
    const cost = costOfTable(
      { table: 't', tableBytes: 10 * 1024 * 1024, lsiBytes: 0, gsiBytes: 0, pitrEnabled: true, backups: [] },
      prices,
    );

    expect(formatUsd(cost.pitrMonthly ?? -1)).toBe('$0.002');
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [1, '$1.00'],
    [1234.567, '$1,234.57'],
    [0.0042, '$0.0042'],
    [0.01, '$0.01'],
  ])('%d → %s', (amount, shown) => {
    expect(formatUsd(amount)).toBe(shown);
  });
});
