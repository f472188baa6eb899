/** Settings DynamoDB does not copy to a restored table (design §4), free of SDK types. */

/** A setting as read, or why it could not be read ("could not check: …", never dropped). */
export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Tag {
  key: string;
  value: string;
}

export interface TargetTrackingPolicy {
  name: string;
  targetValue: number;
  predefinedMetric?: string;
  scaleInCooldownSeconds?: number;
  scaleOutCooldownSeconds?: number;
  disableScaleIn?: boolean;
}

/** One auto-scaled dimension: the table's or a GSI's reads or writes. */
export interface ScalingTarget {
  /** `undefined` for the table itself. */
  indexName?: string;
  /** `dynamodb:table:ReadCapacityUnits`, `dynamodb:index:WriteCapacityUnits`, … */
  dimension: string;
  minCapacity: number;
  maxCapacity: number;
  policies: TargetTrackingPolicy[];
}

export interface Alarm {
  name: string;
  namespace: string;
  metricName: string;
  dimensions: Array<{ name: string; value: string }>;
  statistic?: string;
  extendedStatistic?: string;
  periodSeconds?: number;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold?: number;
  comparisonOperator: string;
  treatMissingData?: string;
  alarmActions: string[];
  okActions: string[];
  insufficientDataActions: string[];
  description?: string;
}

export interface StreamConsumer {
  uuid: string;
  functionArn: string;
  state: string;
}

/** Everything the checklist compares, for one table, at one moment. */
export interface TableSettings {
  table: string;
  tableArn: string;
  readAtMs: number;
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  indexNames: string[];
  tags: Reading<Tag[]>;
  ttl: Reading<{ enabled: boolean; attribute?: string }>;
  stream: Reading<{ enabled: boolean; viewType?: string; streamArn?: string }>;
  pitr: Reading<{ enabled: boolean; recoveryPeriodDays?: number }>;
  deletionProtection: Reading<boolean>;
  autoScaling: Reading<ScalingTarget[]>;
  alarms: Reading<Alarm[]>;
  resourcePolicy: Reading<string | null>;
  /** Status per table (`''`) and per GSI name: `ENABLED`, `DISABLED`, … */
  contributorInsights: Reading<Record<string, string>>;
  kinesis: Reading<Array<{ streamArn: string; status: string }>>;
  replicaRegions: Reading<string[]>;
  streamConsumers: Reading<StreamConsumer[]>;
}

/** The reads and writes the checklist needs; aws/settings.ts implements them with the SDK. */
export interface SettingsGateway {
  read(region: string, table: string): Promise<TableSettings>;
  tagResource(region: string, tableArn: string, tags: Tag[]): Promise<void>;
  updateTimeToLive(region: string, table: string, attribute: string): Promise<void>;
  enableStream(region: string, table: string, viewType: string): Promise<void>;
  setDeletionProtection(region: string, table: string, enabled: boolean): Promise<void>;
  enablePitr(region: string, table: string, recoveryPeriodDays?: number): Promise<void>;
  putScaling(region: string, table: string, target: ScalingTarget): Promise<void>;
  enableContributorInsights(region: string, table: string, indexName?: string): Promise<void>;
  enableKinesisDestination(region: string, table: string, streamArn: string): Promise<void>;
  putAlarm(region: string, alarm: Alarm): Promise<void>;
  /** Waits until the table is ACTIVE again (UpdateTable takes one change at a time). */
  waitUntilActive(region: string, table: string): Promise<void>;
}
