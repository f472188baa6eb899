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
  /** One-click follow-ups: each runs a command as the person who clicks it. */
  actions?: ReplyAction[];
}

/** A button that runs `command` (as typed after the invocation) for whoever clicks it. */
export interface ReplyAction {
  label: string;
  command: string;
  /** How the person reached the bot, so the follow-up's replies use the same examples. */
  invokedAs: string;
  style?: 'primary' | 'danger';
}

export function ephemeral(text: string, sections?: string[], actions?: ReplyAction[]): Reply {
  return { visibility: 'ephemeral', text, sections, actions };
}
