import type { KnownBlock } from '@slack/types';
import type { RequestStatus } from '../../../../src/domain/request';
import { parseDecisionValue } from '../../../../src/slack/blocks/button-values';
import { buildRequestCard } from '../../../../src/slack/blocks/request-card';
import { SLACK_LIMITS } from '../../../../src/slack/limits';
import { buildRestoreRequest } from '../../../support/request-builders';

const NOW_MS = Date.parse('2026-11-26T14:16:00Z');

function texts(blocks: KnownBlock[]): string[] {
  return JSON.stringify(blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
}

function buttons(blocks: KnownBlock[]) {
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) as Array<{
    action_id: string;
    value: string;
    text: { text: string };
  }>;
}

describe('buildRequestCard', () => {
  it('shows what an approver needs and three buttons while pending', () => {
    const card = buildRequestCard(buildRestoreRequest(), NOW_MS);

    const shown = JSON.stringify(card.blocks);
    expect(shown).toContain('Restore request R-TEST1');
    expect(shown).toContain('`employee` (us-east-1)');
    expect(shown).toContain('`employee-restored-20261126-1405`');
    expect(shown).toContain('2026-11-26T14:05:00.000Z');
    expect(shown).toContain('_Read as:_ 10 minutes ago');
    expect(shown).toContain('5.00 GiB · 1,200,000 items');
    expect(shown).toContain('6.00 GiB (table + indexes)');
    expect(shown).toContain('<@UREQUESTER1>');
    expect(shown).toContain('expires');
    expect(buttons(card.blocks).map((b) => b.action_id)).toEqual(['restore_approve', 'restore_deny', 'restore_cancel']);
    expect(buttons(card.blocks).map((b) => parseDecisionValue(b.value))).toEqual(
      Array(3).fill({ requestId: 'R-TEST1', digest: '0123456789abcdef' }),
    );
  });

  it.each<RequestStatus>(['approved', 'starting', 'running', 'succeeded', 'failed', 'denied', 'cancelled', 'expired'])(
    'has no buttons once the request is %s',
    (status) => {
      const card = buildRequestCard(
        buildRestoreRequest({ status, approvals: [{ userId: 'UAPPROVER1', atMs: NOW_MS }] }),
        NOW_MS,
      );

      expect(buttons(card.blocks)).toEqual([]);
    },
  );

  it('shows progress honestly while running: status and elapsed time, no percentage', () => {
    const request = buildRestoreRequest({
      status: 'running',
      startedAtMs: NOW_MS - 12 * 60_000,
      approvals: [{ userId: 'UAPPROVER1', atMs: NOW_MS - 12 * 60_000 }],
      progress: { tableStatus: 'CREATING', checkedAtMs: NOW_MS, shownAtMs: NOW_MS },
    });

    const shown = JSON.stringify(buildRequestCard(request, NOW_MS).blocks);

    expect(shown).toContain('`CREATING`');
    expect(shown).toContain('12 minutes elapsed');
    expect(shown).not.toMatch(/\d+ ?%/);
  });

  it('stays within Slack’s limits for the longest names', () => {
    const long = 'x'.repeat(255);
    const request = buildRestoreRequest({
      sourceTable: long,
      targetTable: `${long.slice(0, 240)}-restored-1`,
      source: { type: 'instant', restorePointMs: NOW_MS - 60_000, understoodAs: 'y'.repeat(500) },
    });

    const { blocks } = buildRequestCard(request, NOW_MS);

    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    for (const text of texts(blocks)) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionTextChars + 10);
    for (const button of buttons(blocks)) {
      expect(button.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValueChars);
      expect(button.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonLabelChars);
      expect(button.action_id.length).toBeLessThanOrEqual(SLACK_LIMITS.actionIdChars);
    }
    const header = blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
  });
});

describe('parseDecisionValue', () => {
  it.each([
    ['not a string', 42],
    ['bad JSON', '{"r":'],
    ['a JSON array', '[1,2]'],
    ['a request id of the wrong shape', JSON.stringify({ r: 'DROP TABLE', d: '0123456789abcdef' })],
    ['a digest of the wrong shape', JSON.stringify({ r: 'R-ABCDEF', d: 'zz' })],
    ['more than 2,000 characters', JSON.stringify({ r: 'R-ABCDEF', d: '0123456789abcdef', pad: 'x'.repeat(2000) })],
  ])('reads %s as nothing', (_case, value) => {
    expect(parseDecisionValue(value)).toBeUndefined();
  });
});
