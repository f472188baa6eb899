import { ArnFormat, Aws, CfnOutput, CfnParameter, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { RESTORE_TARGET_ACTIONS } from '../src/aws/errors';
import { STATE_TABLE_KEYS as K } from '../src/store/keys';

export interface ChatopsStackProps extends StackProps {
  /** Folder holding the bundled `index.js` (see deploy/bundle.ts). */
  assetDir: string;
}

/** Control-plane and read actions the bot calls on the tables it manages. */
const MANAGED_TABLE_ACTIONS = [
  'dynamodb:DescribeTable',
  'dynamodb:DescribeContinuousBackups',
  'dynamodb:UpdateContinuousBackups',
  'dynamodb:CreateBackup',
  'dynamodb:RestoreTableToPointInTime',
  'dynamodb:ListTagsOfResource',
  'dynamodb:TagResource',
  'dynamodb:DescribeTimeToLive',
  'dynamodb:UpdateTimeToLive',
  'dynamodb:UpdateTable',
  'dynamodb:GetResourcePolicy',
  'dynamodb:DescribeContributorInsights',
  'dynamodb:UpdateContributorInsights',
  'dynamodb:DescribeKinesisStreamingDestination',
  'dynamodb:EnableKinesisStreamingDestination',
];

/**
 * The bot on AWS: its state table, the Slack function behind a Function URL, a one-minute tick,
 * the Slack secret, log groups with retention, and one role with only the actions the bot calls.
 */
export class ChatopsStack extends Stack {
  constructor(scope: Construct, id: string, props: ChatopsStackProps) {
    super(scope, id, props);

    const approvers = new CfnParameter(this, 'Approvers', {
      type: 'String',
      description: 'Slack user IDs (U…/W…) and user group IDs (S…) who may approve, comma-separated',
    });
    const tablePattern = new CfnParameter(this, 'TablePattern', {
      type: 'String',
      default: '*',
      description:
        'Table names the bot may act on (IAM wildcard, e.g. prod-*); default: every table of this account and region',
    });
    const requiredApprovals = new CfnParameter(this, 'RequiredApprovals', {
      type: 'Number',
      default: 1,
      minValue: 1,
      maxValue: 10,
    });

    const stateTable = new dynamodb.TableV2(this, 'StateTable', {
      partitionKey: { name: K.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: K.sortKey, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: K.ttlAttribute,
      globalSecondaryIndexes: [K.openIndex, K.tableIndex, K.timeIndex].map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
      })),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const secret = new secretsmanager.Secret(this, 'SlackSecret', {
      description:
        'Slack bot token and signing secret for dynamodb-chatops: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ SLACK_BOT_TOKEN: 'set-me' }),
        generateStringKey: 'SLACK_SIGNING_SECRET',
      },
    });

    const slackFunctionName = `${Aws.STACK_NAME}-slack`;
    const role = new iam.Role(this, 'BotRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const logGroups = ['slack', 'tick'].map(
      (name) =>
        new logs.LogGroup(this, `${name}Logs`, {
          retention: logs.RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
    );
    this.grant(role, { stateTable, tablePattern: tablePattern.valueAsString, slackFunctionName, logGroups });
    secret.grantRead(role);

    const environment = {
      STATE_TABLE: stateTable.tableName,
      APPROVERS: approvers.valueAsString,
      REQUIRED_APPROVALS: requiredApprovals.valueAsString,
      TABLES_ALLOW: tablePattern.valueAsString,
      SLACK_SECRET_ARN: secret.secretArn,
      LOG_LEVEL: 'info',
    };
    const code = lambda.Code.fromAsset(props.assetDir);
    const [slackLogs, tickLogs] = logGroups as [logs.LogGroup, logs.LogGroup];
    const slackFunction = new lambda.Function(this, 'SlackFunction', {
      functionName: slackFunctionName,
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.slack',
      code,
      role,
      memorySize: 512,
      // The receiving invocation acks in well under 3 s; the hand-off may wait on AWS (retries, settings).
      timeout: Duration.minutes(5),
      environment,
      logGroup: slackLogs,
    });
    const tickFunction = new lambda.Function(this, 'TickFunction', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.tick',
      code,
      role,
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment,
      logGroup: tickLogs,
    });
    const url = slackFunction.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE }); // Slack signs every request
    new events.Rule(this, 'Tick', {
      description: 'Restore tracker, request expiry and scheduled backups',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(tickFunction, { retryAttempts: 0 })],
    });

    new CfnOutput(this, 'SlackRequestUrl', {
      value: `${url.url}slack/events`,
      description: 'Request URL for the slash command, interactivity and events',
    });
    new CfnOutput(this, 'SlackSecretArn', { value: secret.secretArn });
    new CfnOutput(this, 'StateTableName', { value: stateTable.tableName });
  }

  /** Only the actions the bot calls, scoped to resources wherever the service allows it. */
  private grant(
    role: iam.Role,
    {
      stateTable,
      tablePattern,
      slackFunctionName,
      logGroups,
    }: { stateTable: dynamodb.TableV2; tablePattern: string; slackFunctionName: string; logGroups: logs.LogGroup[] },
  ): void {
    const tableArn = (name: string) => this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: name });
    const statements = [
      new iam.PolicyStatement({
        sid: 'StateTable',
        actions: [
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:Query',
          'dynamodb:DescribeTable',
        ],
        resources: [stateTable.tableArn, `${stateTable.tableArn}/index/*`],
      }),
      new iam.PolicyStatement({
        sid: 'ManagedTables',
        actions: MANAGED_TABLE_ACTIONS,
        resources: [tableArn(tablePattern), `${tableArn(tablePattern)}/index/*`],
      }),
      // AWS requires item-level read and write on the target table of a restore.
      new iam.PolicyStatement({
        sid: 'RestoreTargets',
        actions: RESTORE_TARGET_ACTIONS,
        resources: [tableArn(tablePattern)],
      }),
      new iam.PolicyStatement({
        sid: 'Backups',
        actions: ['dynamodb:DescribeBackup', 'dynamodb:DeleteBackup', 'dynamodb:RestoreTableFromBackup'],
        resources: [`${tableArn(tablePattern)}/backup/*`],
      }),
      // These actions do not support resource-level permissions.
      new iam.PolicyStatement({
        sid: 'ListsWithoutResourceScope',
        actions: [
          'dynamodb:ListTables',
          'dynamodb:ListBackups',
          'pricing:GetProducts',
          'application-autoscaling:DescribeScalableTargets',
          'application-autoscaling:DescribeScalingPolicies',
          'cloudwatch:DescribeAlarms',
          'lambda:ListEventSourceMappings',
        ],
        resources: ['*'],
      }),
      new iam.PolicyStatement({
        sid: 'AutoScalingWrites',
        actions: ['application-autoscaling:RegisterScalableTarget', 'application-autoscaling:PutScalingPolicy'],
        resources: [
          this.formatArn({ service: 'application-autoscaling', resource: 'scalable-target', resourceName: '*' }),
        ],
      }),
      new iam.PolicyStatement({
        sid: 'CloneAlarms',
        actions: ['cloudwatch:PutMetricAlarm'],
        resources: [
          this.formatArn({
            service: 'cloudwatch',
            resource: 'alarm',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
      new iam.PolicyStatement({
        sid: 'HandOffToItself',
        actions: ['lambda:InvokeFunction'],
        resources: [
          this.formatArn({
            service: 'lambda',
            resource: 'function',
            resourceName: slackFunctionName,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
      new iam.PolicyStatement({
        sid: 'Logs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: logGroups.map((group) => `${group.logGroupArn}`),
      }),
    ];
    for (const statement of statements) role.addToPolicy(statement);
  }
}
