import { renderReply, splitText } from '../../../../src/slack/blocks/reply';
import { SLACK_LIMITS } from '../../../../src/slack/limits';

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('a\nb')).toEqual(['a\nb']);
  });

  it('splits long text at line breaks, under the limit, losing nothing', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);

    const chunks = splitText(lines.join('\n'));

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionTextChars);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
  });

  it('splits a single line longer than the limit', () => {
    const chunks = splitText('y'.repeat(7000));

    expect(chunks.map((c) => c.length)).toEqual([3000, 3000, 1000]);
  });
});

describe('renderReply', () => {
  it('renders the summary and each section as mrkdwn sections', () => {
    const rendered = renderReply({ visibility: 'in_channel', text: 'Summary', sections: ['one', 'two'] });

    expect(rendered).toEqual({
      response_type: 'in_channel',
      text: 'Summary',
      blocks: ['Summary', 'one', 'two'].map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } })),
    });
  });

  it('never exceeds 50 blocks and says what did not fit', () => {
    const rendered = renderReply({
      visibility: 'ephemeral',
      text: 'many',
      sections: Array.from({ length: 80 }, (_, i) => `s${i}`),
    });

    expect(rendered.blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    expect(JSON.stringify(rendered.blocks.at(-1))).toContain('32 more parts');
  });
});
