import { RedactingLogger, redactSecrets } from '../../../src/lib/logger';

describe('redactSecrets', () => {
  it.each([
    ['a bot token', 'auth with xoxb-123-456-abcDEF', 'auth with [redacted-token]'],
    ['an app token', 'socket xapp-1-A0-123-abc', 'socket [redacted-token]'],
    ['a bearer header', 'Authorization: Bearer abc.def', 'Authorization: Bearer [redacted]'],
    ['a form-encoded token field', 'token=LEGACY123&team_id=T1', 'token=[redacted]&team_id=T1'],
    ['a JSON token field', '{"token":"LEGACY123","x":1}', '{"token":"[redacted]","x":1}'],
    [
      'a form-encoded response_url',
      'response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F2%2Fabc&x=1',
      'response_url=[redacted]&x=1',
    ],
    ['a bare hooks URL', 'posting to https://hooks.slack.com/actions/T1/2/abc now', 'posting to [redacted-url] now'],
  ])('scrubs %s', (_case, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('scrubs exact secret values wherever they appear', () => {
    expect(redactSecrets('secret is s3cr3t-value-123 ok', ['s3cr3t-value-123'])).toBe('secret is [redacted] ok');
  });
});

describe('RedactingLogger', () => {
  it('drops lines below its level and redacts objects and errors it is given', () => {
    const lines: string[] = [];
    const logger = new RedactingLogger({
      level: 'info',
      secrets: ['signing-secret-xyz'],
      sink: (_l, line) => lines.push(line),
    });

    logger.debug('hidden');
    logger.info({ body: { token: 'LEGACY123', text: 'hi' } });
    logger.error(new Error('failed with signing-secret-xyz'));

    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/LEGACY123|signing-secret-xyz|hidden/);
    expect(lines[1]).toContain('ERROR');
  });

  it('follows the level Bolt sets', () => {
    const lines: string[] = [];
    const logger = new RedactingLogger({ level: 'warn', sink: (_l, line) => lines.push(line) });

    logger.setLevel('debug' as never);
    logger.debug('now visible');

    expect(logger.getLevel()).toBe('debug');
    expect(lines).toHaveLength(1);
  });
});
