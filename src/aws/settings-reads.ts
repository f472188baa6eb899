import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { DescribeAlarmsCommand, type DescribeAlarmsCommandOutput } from '@aws-sdk/client-cloudwatch';
import { ListTagsOfResourceCommand, type ListTagsOfResourceCommandOutput } from '@aws-sdk/client-dynamodb';
import type { Alarm, ScalingTarget, Tag } from '../domain/settings/types';
import type { AwsClientsFor } from './clients';

/** The paginated and multi-call reads behind the settings checklist (aws/settings.ts). */

/** Application Auto Scaling's id of a table (`table/x`) or of one of its GSIs (`table/x/index/y`). */
export function scalingResourceId(table: string, indexName?: string): string {
  return indexName === undefined ? `table/${table}` : `table/${table}/index/${indexName}`;
}

export async function listTags(client: ReturnType<AwsClientsFor>['dynamodb'], tableArn: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  let token: string | undefined;
  do {
    const page: ListTagsOfResourceCommandOutput = await client.send(
      new ListTagsOfResourceCommand({ ResourceArn: tableArn, NextToken: token }),
    );
    tags.push(...(page.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })));
    token = page.NextToken;
  } while (token !== undefined);
  return tags;
}

export async function readScaling(
  clients: ReturnType<AwsClientsFor>,
  table: string,
  indexNames: string[],
): Promise<ScalingTarget[]> {
  const resourceIds = [scalingResourceId(table), ...indexNames.map((name) => scalingResourceId(table, name))];
  const { ScalableTargets = [] } = await clients.autoScaling.send(
    new DescribeScalableTargetsCommand({ ServiceNamespace: 'dynamodb', ResourceIds: resourceIds }),
  );
  const targets: ScalingTarget[] = [];
  for (const target of ScalableTargets) {
    const { ScalingPolicies = [] } = await clients.autoScaling.send(
      new DescribeScalingPoliciesCommand({
        ServiceNamespace: 'dynamodb',
        ResourceId: target.ResourceId,
        ScalableDimension: target.ScalableDimension,
      }),
    );
    const indexName = /\/index\/(.+)$/.exec(target.ResourceId ?? '')?.[1];
    targets.push({
      indexName,
      dimension: target.ScalableDimension ?? '',
      minCapacity: target.MinCapacity ?? 0,
      maxCapacity: target.MaxCapacity ?? 0,
      policies: ScalingPolicies.filter((p) => p.PolicyType === 'TargetTrackingScaling').map((p) => {
        const config = p.TargetTrackingScalingPolicyConfiguration;
        return {
          name: p.PolicyName ?? '',
          targetValue: config?.TargetValue ?? 0,
          predefinedMetric: config?.PredefinedMetricSpecification?.PredefinedMetricType,
          scaleInCooldownSeconds: config?.ScaleInCooldown,
          scaleOutCooldownSeconds: config?.ScaleOutCooldown,
          disableScaleIn: config?.DisableScaleIn,
        };
      }),
    });
  }
  return targets;
}

/** Metric alarms in AWS/DynamoDB whose TableName dimension names the table (any index). */
export async function readAlarms(clients: ReturnType<AwsClientsFor>, table: string): Promise<Alarm[]> {
  const alarms: Alarm[] = [];
  let token: string | undefined;
  do {
    const page: DescribeAlarmsCommandOutput = await clients.cloudWatch.send(
      new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], MaxRecords: 100, NextToken: token }),
    );
    for (const alarm of page.MetricAlarms ?? []) {
      const dimensions = (alarm.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' }));
      if (alarm.Namespace !== 'AWS/DynamoDB' || !dimensions.some((d) => d.name === 'TableName' && d.value === table))
        continue;
      alarms.push({
        name: alarm.AlarmName ?? '',
        namespace: alarm.Namespace,
        metricName: alarm.MetricName ?? '',
        dimensions,
        statistic: alarm.Statistic,
        extendedStatistic: alarm.ExtendedStatistic,
        periodSeconds: alarm.Period,
        evaluationPeriods: alarm.EvaluationPeriods ?? 1,
        datapointsToAlarm: alarm.DatapointsToAlarm,
        threshold: alarm.Threshold,
        comparisonOperator: alarm.ComparisonOperator ?? 'GreaterThanThreshold',
        treatMissingData: alarm.TreatMissingData,
        alarmActions: alarm.AlarmActions ?? [],
        okActions: alarm.OKActions ?? [],
        insufficientDataActions: alarm.InsufficientDataActions ?? [],
        description: alarm.AlarmDescription,
      });
    }
    token = page.NextToken;
  } while (token !== undefined);
  return alarms;
}
