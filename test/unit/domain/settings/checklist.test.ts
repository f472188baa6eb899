import { buildChecklist, summarizeNotCopied } from '../../../../src/domain/settings/checklist';
import type { TableSettings } from '../../../../src/domain/settings/types';

const ok = <T>(value: T) => ({ ok: true as const, value });

function settings(overrides: Partial<TableSettings> = {}): TableSettings {
  return {
    table: 'employee',
    tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/employee',
    readAtMs: 0,
    billingMode: 'PROVISIONED',
    indexNames: [],
    tags: ok([]),
    ttl: ok({ enabled: false }),
    stream: ok({ enabled: false }),
    pitr: ok({ enabled: false }),
    deletionProtection: ok(false),
    autoScaling: ok([]),
    alarms: ok([]),
    resourcePolicy: ok(null),
    contributorInsights: ok({ '': 'DISABLED' }),
    kinesis: ok([]),
    replicaRegions: ok([]),
    streamConsumers: ok([]),
    ...overrides,
  };
}

const target = (overrides: Partial<TableSettings> = {}) =>
  settings({
    table: 'employee-copy',
    tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/employee-copy',
    ...overrides,
  });

const stateOf = (source: TableSettings, t: TableSettings, kind: string) =>
  buildChecklist(source, t).find((i) => i.kind === kind);

describe('buildChecklist', () => {
  it('marks settings the source does not have as matching', () => {
    const items = buildChecklist(settings(), target());

    expect(items.filter((i) => i.kind !== 'iam').every((i) => i.state === 'match')).toBe(true);
    expect(items.find((i) => i.kind === 'iam')?.state).toBe('manual'); // the new ARN always needs naming
  });

  it('marks a missing tag, TTL attribute, view type or recovery period as differing', () => {
    const source = settings({
      tags: ok([{ key: 'env', value: 'prod' }]),
      ttl: ok({ enabled: true, attribute: 'expiresAt' }),
      stream: ok({ enabled: true, viewType: 'NEW_IMAGE' }),
      pitr: ok({ enabled: true, recoveryPeriodDays: 7 }),
    });
    const partly = target({
      tags: ok([{ key: 'env', value: 'dev' }]),
      ttl: ok({ enabled: true, attribute: 'ttl' }),
      stream: ok({ enabled: true, viewType: 'KEYS_ONLY' }),
      pitr: ok({ enabled: true, recoveryPeriodDays: 35 }),
    });

    expect(['tags', 'ttl', 'stream', 'pitr'].map((k) => stateOf(source, partly, k)?.state)).toEqual([
      'differs',
      'differs',
      'differs',
      'differs',
    ]);
  });

  it('says "could not check" with the reason instead of dropping an unreadable setting', () => {
    const source = settings({
      alarms: { ok: false, reason: "The bot's AWS role is not allowed to call cloudwatch:DescribeAlarms" },
    });

    const alarms = stateOf(source, target(), 'alarms');

    expect(alarms).toMatchObject({ state: 'unknown', source: expect.stringContaining('could not check: The bot') });
  });

  it('asks for a manual switch when the source auto-scales but the new table is on-demand', () => {
    const scaling = [
      {
        dimension: 'dynamodb:table:ReadCapacityUnits',
        minCapacity: 5,
        maxCapacity: 100,
        policies: [{ name: 'p', targetValue: 70 }],
      },
    ];

    const item = stateOf(
      settings({ autoScaling: ok(scaling) }),
      target({ billingMode: 'PAY_PER_REQUEST' }),
      'auto_scaling',
    );

    expect(item?.state).toBe('manual');
    expect(item?.instruction).toContain('provisioned');
  });

  it('tells which Lambda mappings to re-point, and which replicas to re-add', () => {
    const source = settings({
      streamConsumers: ok([
        { uuid: 'uuid-1', functionArn: 'arn:aws:lambda:us-east-1:1:function:indexer', state: 'Enabled' },
      ]),
      replicaRegions: ok(['eu-west-1']),
    });

    expect(stateOf(source, target(), 'stream_consumers')?.instruction).toContain('`uuid-1`');
    expect(stateOf(source, target(), 'replicas')?.instruction).toContain('eu-west-1');
  });
});

describe('summarizeNotCopied', () => {
  it('lists what is set on the source, in one line', () => {
    const source = settings({
      tags: ok([
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ]),
      ttl: ok({ enabled: true, attribute: 'x' }),
      deletionProtection: ok(true),
      alarms: { ok: false, reason: 'denied' },
    });

    expect(summarizeNotCopied(source)).toBe(
      '3 settings will not be copied: tags (2), TTL, deletion protection; plus IAM policies (1 could not be checked).',
    );
  });
});
