import type { Alarm, Reading, ScalingTarget, TableSettings, Tag } from './types';

/**
 * ✓ `match`: already the same on the new table. ✗ `differs`: the bot can reapply it.
 * `manual`: a person must act (the instruction says how). `unknown`: could not be read.
 */
export type ItemState = 'match' | 'differs' | 'manual' | 'unknown';

export type SettingKind =
  | 'tags'
  | 'ttl'
  | 'stream'
  | 'pitr'
  | 'deletion_protection'
  | 'auto_scaling'
  | 'contributor_insights'
  | 'kinesis'
  | 'alarms'
  | 'iam'
  | 'stream_consumers'
  | 'replicas';

export interface ChecklistItem {
  kind: SettingKind;
  label: string;
  source: string;
  target: string;
  state: ItemState;
  /** What a person must do (manual items), or why the item could not be checked. */
  instruction?: string;
}

const could = (reading: { ok: false; reason: string }) => `could not check: ${reading.reason}`;

function item<S, T = S>(
  kind: SettingKind,
  label: string,
  source: Reading<S>,
  target: Reading<T>,
  compare: (source: S, target: T) => { source: string; target: string; state: ItemState; instruction?: string },
): ChecklistItem {
  if (!source.ok)
    return { kind, label, source: could(source), target: target.ok ? '—' : could(target), state: 'unknown' };
  if (!target.ok) return { kind, label, source: '—', target: could(target), state: 'unknown' };
  return { kind, label, ...compare(source.value, target.value) };
}

const describeTags = (tags: Tag[]) =>
  tags.length === 0 ? 'none' : `${tags.length}: ${tags.map((t) => `${t.key}=${t.value}`).join(', ')}`;

export function scalingKey(target: Pick<ScalingTarget, 'indexName' | 'dimension'>): string {
  return `${target.indexName ?? '(table)'} ${target.dimension.replace(/^dynamodb:(table|index):/, '')}`;
}

function scalingEqual(a: ScalingTarget, b: ScalingTarget | undefined): boolean {
  if (b === undefined || a.minCapacity !== b.minCapacity || a.maxCapacity !== b.maxCapacity) return false;
  return a.policies.every((p) => b.policies.some((q) => q.name === p.name && q.targetValue === p.targetValue));
}

const describeScaling = (targets: ScalingTarget[]) =>
  targets.length === 0
    ? 'none'
    : targets
        .map(
          (t) =>
            `${scalingKey(t)} ${t.minCapacity}–${t.maxCapacity} (${t.policies.map((p) => `${p.targetValue}%`).join(', ') || 'no policy'})`,
        )
        .join('; ');

/** The alarm the bot's "Clone alarms" makes for `alarm` on `targetTable`. */
export function clonedAlarmName(alarm: Pick<Alarm, 'name'>, targetTable: string): string {
  return `${alarm.name}-${targetTable}`.slice(0, 255);
}

/** Source (as snapshotted) against the new table (read now), one item per setting of design §4. */
export function buildChecklist(source: TableSettings, target: TableSettings): ChecklistItem[] {
  const onDemandTarget = target.billingMode === 'PAY_PER_REQUEST';
  const items: ChecklistItem[] = [
    item('tags', 'Tags', source.tags, target.tags, (s, t) => {
      const missing = s.filter((tag) => !t.some((x) => x.key === tag.key && x.value === tag.value));
      return { source: describeTags(s), target: describeTags(t), state: missing.length === 0 ? 'match' : 'differs' };
    }),
    item('ttl', 'Time to live', source.ttl, target.ttl, (s, t) => ({
      source: s.enabled ? `on (\`${s.attribute}\`)` : 'off',
      target: t.enabled ? `on (\`${t.attribute}\`)` : 'off',
      state: !s.enabled || (t.enabled && t.attribute === s.attribute) ? 'match' : 'differs',
    })),
    item('stream', 'DynamoDB Streams', source.stream, target.stream, (s, t) => ({
      source: s.enabled ? `on (${s.viewType})` : 'off',
      target: t.enabled ? `on (${t.viewType})` : 'off',
      state: !s.enabled || (t.enabled && t.viewType === s.viewType) ? 'match' : 'differs',
    })),
    item('pitr', 'Point-in-time recovery', source.pitr, target.pitr, (s, t) => ({
      source: s.enabled ? `on (${s.recoveryPeriodDays ?? 35} days)` : 'off',
      target: t.enabled ? `on (${t.recoveryPeriodDays ?? 35} days)` : 'off',
      state:
        !s.enabled || (t.enabled && (t.recoveryPeriodDays ?? 35) === (s.recoveryPeriodDays ?? 35))
          ? 'match'
          : 'differs',
    })),
    item(
      'deletion_protection',
      'Deletion protection',
      source.deletionProtection,
      target.deletionProtection,
      (s, t) => ({
        source: s ? 'on' : 'off',
        target: t ? 'on' : 'off',
        state: !s || t ? 'match' : 'differs',
      }),
    ),
    item('auto_scaling', 'Auto scaling', source.autoScaling, target.autoScaling, (s, t) => {
      const missing = s.filter(
        (x) =>
          !scalingEqual(
            x,
            t.find((y) => scalingKey(y) === scalingKey(x)),
          ),
      );
      if (missing.length > 0 && onDemandTarget) {
        return {
          source: describeScaling(s),
          target: 'the new table is on-demand',
          state: 'manual',
          instruction:
            'Auto scaling only applies to provisioned capacity: switch the new table to provisioned first if you want it.',
        };
      }
      return {
        source: describeScaling(s),
        target: describeScaling(t),
        state: missing.length === 0 ? 'match' : 'differs',
      };
    }),
    item(
      'contributor_insights',
      'Contributor Insights',
      source.contributorInsights,
      target.contributorInsights,
      (s, t) => {
        const enabled = Object.entries(s).filter(([, status]) => status === 'ENABLED' || status === 'ENABLING');
        const describe = (statuses: Record<string, string>) =>
          Object.entries(statuses)
            .filter(([, status]) => status === 'ENABLED' || status === 'ENABLING')
            .map(([name]) => name || 'table')
            .join(', ') || 'off';
        return {
          source: describe(s),
          target: describe(t),
          state: enabled.every(([name]) => ['ENABLED', 'ENABLING'].includes(t[name] ?? '')) ? 'match' : 'differs',
        };
      },
    ),
    item('kinesis', 'Kinesis streaming', source.kinesis, target.kinesis, (s, t) => ({
      source: s.map((d) => d.streamArn).join(', ') || 'none',
      target: t.map((d) => d.streamArn).join(', ') || 'none',
      state: s.every((d) => t.some((x) => x.streamArn === d.streamArn)) ? 'match' : 'differs',
    })),
    item('alarms', 'CloudWatch alarms', source.alarms, target.alarms, (s, t) => {
      const uncloned = s.filter((a) => !t.some((x) => x.name === clonedAlarmName(a, target.table)));
      return {
        source: s.length === 0 ? 'none' : s.map((a) => `\`${a.name}\` (${a.metricName})`).join(', '),
        target: t.length === 0 ? 'none' : t.map((a) => `\`${a.name}\``).join(', '),
        state: uncloned.length === 0 ? 'match' : 'manual',
        instruction:
          uncloned.length === 0
            ? undefined
            : `These alarms still watch \`${source.table}\`: ${uncloned.map((a) => `\`${a.name}\` on ${a.metricName}`).join(', ')}. "Clone alarms" creates copies watching \`${target.table}\`.`,
      };
    }),
    iamItem(source, target),
    item('stream_consumers', 'Stream consumers (Lambda)', source.streamConsumers, target.stream, (s, t) => ({
      source: s.length === 0 ? 'none' : s.map((m) => `${m.functionArn.split(':').pop()} (${m.uuid})`).join(', '),
      target: t.enabled ? `new stream ${t.streamArn ?? '(enable the stream first)'}` : 'no stream yet',
      state: s.length === 0 ? 'match' : 'manual',
      instruction:
        s.length === 0
          ? undefined
          : `Re-point each event source mapping to the new table's stream: ${s.map((m) => `\`${m.uuid}\` (${m.functionArn})`).join(', ')}.`,
    })),
    item('replicas', 'Global table replicas', source.replicaRegions, target.replicaRegions, (s, t) => ({
      source: s.join(', ') || 'none',
      target: t.join(', ') || 'none',
      state: s.every((r) => t.includes(r)) ? 'match' : 'manual',
      instruction: s.every((r) => t.includes(r))
        ? undefined
        : `Add the replicas again (UpdateTable ReplicaUpdates): ${s.filter((r) => !t.includes(r)).join(', ')}.`,
    })),
  ];
  return items;
}

/** Identity policies and the resource policy name the old ARN; the new table needs them too. */
function iamItem(source: TableSettings, target: TableSettings): ChecklistItem {
  const base = `IAM policies that name \`${source.tableArn}\` must also name \`${target.tableArn}\` (and \`${target.tableArn}/index/*\`).`;
  if (!source.resourcePolicy.ok) {
    return {
      kind: 'iam',
      label: 'IAM and resource policy',
      source: could(source.resourcePolicy),
      target: '—',
      state: 'manual',
      instruction: base,
    };
  }
  const policy = source.resourcePolicy.value;
  const rewritten = policy?.split(source.tableArn).join(target.tableArn);
  return {
    kind: 'iam',
    label: 'IAM and resource policy',
    source: policy === null ? 'no resource policy' : 'resource policy present',
    target: target.resourcePolicy.ok
      ? target.resourcePolicy.value === null
        ? 'no resource policy'
        : 'resource policy present'
      : could(target.resourcePolicy),
    state: 'manual',
    instruction:
      rewritten === undefined
        ? base
        : `${base} Put this resource policy on the new table (PutResourcePolicy):\n\`\`\`${rewritten}\`\`\``,
  };
}

/** What a restore will not copy, in one line for the request card (from the source alone). */
export function summarizeNotCopied(source: TableSettings): string {
  const parts: string[] = [];
  if (source.tags.ok && source.tags.value.length > 0) parts.push(`tags (${source.tags.value.length})`);
  if (source.ttl.ok && source.ttl.value.enabled) parts.push('TTL');
  if (source.stream.ok && source.stream.value.enabled) parts.push('stream');
  if (source.pitr.ok && source.pitr.value.enabled) parts.push('PITR');
  if (source.autoScaling.ok && source.autoScaling.value.length > 0) {
    parts.push(`auto scaling (${source.autoScaling.value.reduce((n, t) => n + t.policies.length, 0)} policies)`);
  }
  if (source.alarms.ok && source.alarms.value.length > 0)
    parts.push(`${source.alarms.value.length} alarm${source.alarms.value.length === 1 ? '' : 's'}`);
  if (source.deletionProtection.ok && source.deletionProtection.value) parts.push('deletion protection');
  if (source.contributorInsights.ok && Object.values(source.contributorInsights.value).includes('ENABLED'))
    parts.push('Contributor Insights');
  if (source.kinesis.ok && source.kinesis.value.length > 0) parts.push('Kinesis streaming');
  if (source.streamConsumers.ok && source.streamConsumers.value.length > 0)
    parts.push(`${source.streamConsumers.value.length} stream consumer(s)`);
  if (source.replicaRegions.ok && source.replicaRegions.value.length > 0) parts.push('global-table replicas');
  const unread = (
    Object.values(source).filter((v) => typeof v === 'object' && v !== null && 'ok' in v && v.ok === false) as unknown[]
  ).length;
  const unknown = unread > 0 ? ` (${unread} could not be checked)` : '';
  if (parts.length === 0) return `No settings to reapply beyond IAM policies${unknown}.`;
  return `${parts.length} setting${parts.length === 1 ? '' : 's'} will not be copied: ${parts.join(', ')}; plus IAM policies${unknown}.`;
}
