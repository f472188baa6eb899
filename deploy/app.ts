/**
 * `npm run synth`: bundles the Lambda code, then writes the CloudFormation template to deploy/cdk.out
 * without any network access. Deploy it with the AWS CDK CLI (`npx cdk deploy --app deploy/cdk.out`).
 */
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { bundleLambda, LAMBDA_BUNDLE_DIR } from './bundle';
import { ChatopsStack } from './stack';

async function main(): Promise<void> {
  const { bytes } = await bundleLambda();
  const app = new App({ outdir: join(__dirname, 'cdk.out') });
  new ChatopsStack(app, 'DynamoDbChatops', {
    assetDir: LAMBDA_BUNDLE_DIR,
    description: 'dynamodb-chatops: Slack bot for DynamoDB backup, restore and cost',
  });
  app.synth();
  console.log(
    `Synthesized deploy/cdk.out/DynamoDbChatops.template.json (Lambda bundle ${(bytes / 1024 / 1024).toFixed(2)} MiB)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
