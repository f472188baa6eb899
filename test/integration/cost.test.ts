import { GetProductsCommand } from '@aws-sdk/client-pricing';
import { awsError, backupSummary, FakeDynamoDb } from '../support/fake-dynamodb';
import { RestoreScenario, textOf } from '../support/restore-scenario';

const GB = 1024 ** 3;
const text = (value: unknown) => JSON.stringify(value);

describe('what backups cost', () => {
  let s: RestoreScenario;

  beforeEach(async () => {
    s = await RestoreScenario.start();
    // employee: 5 GiB table + 1 GiB GSI, PITR on; two 4 GiB backups, one AWS Backup one
    s.fake.backups = [
      backupSummary('us-east-1', 'employee', 'nightly-1125', new Date('2026-11-25T02:00:00Z')),
      backupSummary('us-east-1', 'employee', 'nightly-1126', new Date('2026-11-26T02:00:00Z')),
      backupSummary('us-east-1', 'employee', 'awsbackup-vault', new Date('2026-11-26T03:00:00Z'), {
        BackupType: 'AWS_BACKUP',
      }),
    ];
  });
  afterEach(async () => {
    await s.stop();
  });

  const getProducts = () => s.app.aws.mocks().pricing.commandCalls(GetProductsCommand).length;

  it('prices one table from the Price List API: PITR, backups, one restore, total, source and date', async () => {
    const { reply } = await s.command('cost employee');

    const shown = text(reply);
    expect(shown).toContain('about 5.00 GiB (table + local indexes');
    expect(shown).toContain('*PITR:* on · $1.00/month'); // 5 GiB × $0.20
    expect(shown).toContain('*On-demand backups:* 2 · 8.00 GiB · $0.80/month'); // 8 GiB × $0.10
    expect(shown).toContain('*AWS Backup backups:* 1');
    expect(shown).toContain('billed by AWS Backup');
    expect(shown).toContain('*One full restore:* $0.90'); // 6 GiB × $0.15
    expect(shown).toContain('*Total:* $1.80/month');
    expect(shown).toContain('AWS Price List API, prices as of 2026-09-28');
    expect(shown).toContain('binary units (AWS bills per GB-month)');
  });

  it('uses the cached prices within 24 hours: no second Price List call', async () => {
    await s.command('cost employee');
    const first = getProducts();

    s.clock.advanceMinutes(23 * 60);
    await s.command('cost employee');
    const withinTtl = getProducts();
    s.clock.advanceMinutes(2 * 60);
    await s.command('cost employee');

    expect(first).toBe(3);
    expect(withinTtl).toBe(3);
    expect(getProducts()).toBe(6);
  });

  it('falls back to the bundled, dated price table when the API is denied, and says so', async () => {
    s.app.aws
      .mocks()
      .pricing.on(GetProductsCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform pricing:GetProducts'));

    const { reply } = await s.command('cost employee');

    expect(text(reply)).toContain('bundled price table dated 2026-09-29');
    expect(text(reply)).toContain('pricing:GetProducts');
    expect(text(reply)).toContain('$1.00/month');
  });

  it('asks a failing Price List API once per region summary, not again for the footnote', async () => {
    s.app.aws
      .mocks()
      .pricing.on(GetProductsCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform pricing:GetProducts'));

    const { reply } = await s.command('cost');

    expect(getProducts()).toBe(1);
    expect(text(reply)).toContain('bundled price table dated 2026-09-29');
  });

  it('says there is no price for a region in neither source, never $0', async () => {
    const other = await RestoreScenario.start();
    other.fake.addTable('orders');
    const clients = other.app.aws.mocks('ap-southeast-2');
    const sydney = new FakeDynamoDb(clients, 'ap-southeast-2');
    sydney.addTable('orders');
    sydney.pitr.set('orders', { enabled: true });
    other.app.aws.mocks().pricing.on(GetProductsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));

    const { reply } = await other.command('cost orders in ap-southeast-2');

    expect(text(reply)).toContain('*PITR:* on · no price');
    expect(text(reply)).toContain('*Total:* no price');
    expect(text(reply)).toContain('*One full restore:* no price');
    await other.stop();
  });

  it('summarises every table in the region, sorted by monthly cost, with totals and the full list as CSV', async () => {
    for (let i = 0; i < 25; i += 1) {
      s.fake.addTable(`table-${String(i).padStart(2, '0')}`, {
        TableSizeBytes: (i + 1) * GB,
        GlobalSecondaryIndexes: [],
      });
      s.fake.pitr.set(`table-${String(i).padStart(2, '0')}`, { enabled: i % 2 === 0 });
    }

    const { reply } = await s.command('cost');
    await s.app.standIn.waitFor((calls) => calls.some((c) => c.method === 'files.completeUploadExternal'));

    const shown = text(reply);
    expect(shown).toContain('26 table(s)');
    expect(shown).toContain('*Top 20 by monthly cost:*');
    expect(shown.indexOf('`table-24`')).toBeLessThan(shown.indexOf('`table-22`'));
    expect(shown).toContain('The full list of 26 tables is in the attached CSV');
    const upload = s.app.standIn.callsTo('upload')[0];
    expect(String(upload?.params.body)).toContain('table-01,');
    expect(String(upload?.params.body)).toContain('table,billed_bytes,pitr');
    expect(s.app.standIn.callsTo('files.completeUploadExternal')[0]?.params.channel_id).toBe('CINCIDENT1');
  });

  it('shows the estimated restore cost on the request card, and what PITR will add', async () => {
    const card = await s.requestCard();
    s.fake.pitr.set('employee', { enabled: false });
    const pitrOn = await s.command('pitr employee on');

    expect(textOf(card)).toContain('*Estimated restore cost:*\\nabout $0.90');
    expect(text(pitrOn.reply)).toContain('It adds about $1.00/month');
  });
});
