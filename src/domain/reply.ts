/**
 * What the bot says back, free of Slack types. `slack/blocks` turns it into Block Kit.
 * Text uses Slack-compatible light markup (`*bold*`, `` `code` ``, `_italic_`).
 */
export interface Reply {
  /** `ephemeral`: only the person who asked sees it. */
  visibility: 'ephemeral' | 'in_channel';
  /** Short plain summary, used for notifications and as the fallback text. */
  text: string;
  /** Longer body, one section each; long sections are split, never cut. */
  sections?: string[];
}

export function ephemeral(text: string, sections?: string[]): Reply {
  return { visibility: 'ephemeral', text, sections };
}
