import { type AwsCallError, isAwsCallError } from './errors';
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
  /**
   * A later version of this reply (e.g. a backup going from CREATING to AVAILABLE). The chat layer
   * replaces the reply with each version until this returns undefined.
   */
  followUp?: () => Promise<Reply | undefined>;
  /** A file to share alongside the reply (e.g. the full cost list as CSV). */
  file?: { filename: string; title: string; content: string };
}

/** A button: a follow-up command for whoever clicks it, or an action on a stored request. */
export type ReplyAction = {
  label: string;
  style?: 'primary' | 'danger';
} & (
  | {
      kind: 'rerun';
      /** The command as typed after the invocation. */
      command: string;
      /** How the person reached the bot, so the follow-up's replies use the same examples. */
      invokedAs: string;
    }
  | { kind: 'request'; name: 'reapply_settings' | 'clone_alarms'; requestId: string; digest: string }
);

export function ephemeral(text: string, sections?: string[], actions?: ReplyAction[]): Reply {
  return { visibility: 'ephemeral', text, sections, actions };
}

/** An AWS failure, already in plain words, as the answer to the person who asked. */
export function renderAwsError(error: AwsCallError): Reply {
  return ephemeral(error.plain, [error.nextStep]);
}

/**
 * Runs an action that answers a person, turning an AWS failure into its plain-words answer.
 * Commands get this from the dispatcher; button handlers outside it use this directly.
 */
export async function answeringAwsErrors(run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    if (isAwsCallError(error)) return renderAwsError(error);
    throw error;
  }
}
