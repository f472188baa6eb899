import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildSlashCommand, TEST_SECRETS } from '../support/builders';
import { SlackApiStandIn } from '../support/slack-api-stand-in';
import { SignedSlackClient } from '../support/slack-signer';
import { makeStateDir } from '../support/store';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'main.ts');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runBot(env: Record<string, string>, cwd: string): Run {
  const child = spawn(TSX, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

async function waitForOutput(run: Run, text: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`Bot never printed "${text}"; it printed:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start (src/main.ts)', () => {
  jest.setTimeout(40_000);
  const stateDir = makeStateDir();
  afterAll(() => stateDir.remove());

  it('exits non-zero with one message naming every missing variable', async () => {
    const run = runBot({}, stateDir.dir);

    const code = await run.exited;

    expect(code).toBe(1);
    const output = run.output();
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'AWS_REGION', 'APPROVERS']) {
      expect(output).toContain(`${name} is missing`);
    }
    expect(output.match(/Configuration is incomplete/g)).toHaveLength(1);
  });

  it('names invalid values without printing the secret itself', async () => {
    const run = runBot(
      {
        SLACK_BOT_TOKEN: 'xoxp-user-token-SHOULDNOTPRINT',
        SLACK_SIGNING_SECRET: 'x',
        AWS_REGION: 'mars-1',
        APPROVERS: 'bob',
      },
      stateDir.dir,
    );

    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('SLACK_BOT_TOKEN must be a bot token');
    expect(run.output()).toContain('AWS_REGION "mars-1" is not an AWS region name');
    expect(run.output()).toContain('APPROVERS has entries that are not Slack user');
    expect(run.output()).not.toContain('SHOULDNOTPRINT');
  });

  it('starts in HTTP mode with a complete configuration, answers a signed command, and stops cleanly on SIGTERM', async () => {
    const standIn = new SlackApiStandIn();
    await standIn.start();
    const port = await freePort();
    const run = runBot(
      {
        SLACK_BOT_TOKEN: TEST_SECRETS.botToken,
        SLACK_SIGNING_SECRET: TEST_SECRETS.signingSecret,
        SLACK_API_URL: standIn.apiUrl,
        AWS_REGION: 'us-east-1',
        APPROVERS: 'UAPPROVER1,SAPPROVERS',
        PORT: String(port),
        STATE_DIR: join(stateDir.dir, 'state'),
      },
      stateDir.dir,
    );
    await waitForOutput(run, 'is running');

    const slack = new SignedSlackClient(`http://127.0.0.1:${port}/slack/events`, TEST_SECRETS.signingSecret);
    const response = await slack.command(
      buildSlashCommand({ text: 'help', response_url: standIn.responseUrl('start') }),
    );
    await standIn.waitFor((calls) => calls.some((c) => c.method === 'response_url'));
    run.child.kill('SIGTERM');
    const code = await run.exited;
    await standIn.stop();

    expect(response.status).toBe(200);
    expect(code).toBe(0);
    expect(run.output()).toContain(`HTTP on port ${port}`);
    expect(run.output()).toContain('Stopped cleanly');
    expect(run.output()).not.toContain(TEST_SECRETS.botToken);
  });
});
