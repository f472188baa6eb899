import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ChatopsStack } from '../../../deploy/stack';
import { RESTORE_TARGET_ACTIONS } from '../../../src/aws/errors';
import { STATE_TABLE_KEYS } from '../../../src/store/keys';

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
}

describe('the deploy stack', () => {
  const assetDir = mkdtempSync(join(tmpdir(), 'ddb-asset-'));
  writeFileSync(
    join(assetDir, 'index.js'),
    'exports.slack = async () => ({ statusCode: 200 }); exports.tick = async () => {};',
  );
  const template = Template.fromStack(new ChatopsStack(new App(), 'Test', { assetDir }));
  const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
  );
  const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

  it('creates the state table with the embedded engine’s key schema and indexes, PITR, deletion protection and TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: STATE_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: STATE_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({ IndexName: 'open' }),
        Match.objectLike({ IndexName: 'byTable' }),
        Match.objectLike({ IndexName: 'byTime' }),
      ]),
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('runs both handlers on Node.js 22 with no secret in their environment', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Array<{
      Properties: { Runtime: string; Handler: string; Environment: { Variables: Record<string, unknown> } };
    }>;

    expect(functions.map((f) => f.Properties.Handler).sort()).toEqual(['index.slack', 'index.tick']);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      const variables = fn.Properties.Environment.Variables;
      expect(Object.keys(variables)).not.toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN']));
      expect(Object.keys(variables).filter((k) => /TOKEN|SIGNING|SECRET$/.test(k))).toEqual([]);
      expect(variables.SLACK_SECRET_ARN).toBeDefined();
    }
  });

  it('ticks every minute and serves Slack from a Function URL', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
  });

  it('grants no wildcard action, and a `*` resource only to actions that cannot be scoped', () => {
    const unscopable = new Set([
      'dynamodb:ListTables',
      'dynamodb:ListBackups',
      'pricing:GetProducts',
      'application-autoscaling:DescribeScalableTargets',
      'application-autoscaling:DescribeScalingPolicies',
      'cloudwatch:DescribeAlarms',
      'lambda:ListEventSourceMappings',
    ]);

    for (const statement of statements) {
      for (const action of actionsOf(statement)) expect(action).not.toMatch(/\*/);
      if (statement.Resource === '*') expect(actionsOf(statement).every((a) => unscopable.has(a))).toBe(true);
    }
  });

  it('includes the data-plane actions AWS requires on a restore’s target table, scoped to the table pattern', () => {
    const restoreTargets = statements.find((s) => s.Sid === 'RestoreTargets');

    expect(actionsOf(restoreTargets as Statement).sort()).toEqual([...RESTORE_TARGET_ACTIONS].sort());
    expect(JSON.stringify(restoreTargets?.Resource)).toContain('{"Ref":"TablePattern"}');
    const managed = statements.find((s) => s.Sid === 'ManagedTables');
    expect(actionsOf(managed as Statement)).toEqual(
      expect.arrayContaining(['dynamodb:RestoreTableToPointInTime', 'dynamodb:CreateBackup']),
    );
    expect(JSON.stringify(statements.find((s) => s.Sid === 'Backups')?.Resource)).toContain('/backup/*');
  });
});
