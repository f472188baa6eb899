import { asTyped } from './invocation';
import type { Reply } from './reply';

/**
 * Usage with an example for every command. `invokedAs` is how the person reached the bot
 * (the slash command's name from the manifest, or an @-mention), so examples match what they typed.
 */
export function buildHelp(invokedAs: string): Reply {
  return {
    visibility: 'ephemeral',
    text: invokedAs ? `How to use ${invokedAs}` : 'How to use me',
    sections: [
      '*Restore* (needs approval by someone else; always into a new table)\n' +
        `• \`${asTyped(invokedAs, 'restore employee to 10 minutes ago')}\`\n` +
        `• \`${asTyped(invokedAs, 'restore employee to yesterday at 5pm')}\` — times are read in your Slack time zone\n` +
        `• \`${asTyped(invokedAs, 'restore employee to 2026-11-26T14:05:00Z as employee-before-incident')}\`\n` +
        `• \`${asTyped(invokedAs, 'restore employee to latest')}\` — DynamoDB's latest restorable time\n` +
        `• \`${asTyped(invokedAs, 'restore employee from backup latest')}\` / \`from backup nightly-2026-11-25\` / \`from backup arn:aws:dynamodb:…\``,
      '*Backups and point-in-time recovery*\n' +
        `• \`${asTyped(invokedAs, 'backup employee')}\` or \`${asTyped(invokedAs, 'backup employee as before-migration')}\`\n` +
        `• \`${asTyped(invokedAs, 'backups employee')}\` — newest first; \`${asTyped(invokedAs, 'backups')}\` for the whole region\n` +
        `• \`${asTyped(invokedAs, 'delete backup before-migration')}\` (needs approval)\n` +
        `• \`${asTyped(invokedAs, 'pitr employee')}\` — status and restore window\n` +
        `• \`${asTyped(invokedAs, 'pitr employee on')}\` / \`${asTyped(invokedAs, 'pitr employee on 7 days')}\` / \`${asTyped(invokedAs, 'pitr employee off')}\` (off needs approval)`,
      '*Scheduled backups*\n' +
        `• \`${asTyped(invokedAs, 'schedule backup employee daily at 02:00 Europe/Paris keep 7')}\`\n` +
        `• \`${asTyped(invokedAs, 'schedule backup employee hourly keep 24')}\` / \`weekly on sunday at 03:00 keep 4\`\n` +
        `• \`${asTyped(invokedAs, 'schedules')}\` · \`${asTyped(invokedAs, 'unschedule employee')}\``,
      '*Cost*\n' +
        `• \`${asTyped(invokedAs, 'cost employee')}\` — PITR, backups and one full restore, per month\n` +
        `• \`${asTyped(invokedAs, 'cost')}\` — every table in the region, with totals`,
      '*Checks and history*\n' +
        `• \`${asTyped(invokedAs, 'checklist R-1234')}\` — settings a restore did not copy\n` +
        `• \`${asTyped(invokedAs, 'compare employee employee-restored-20261126-1405')}\`\n` +
        `• \`${asTyped(invokedAs, 'status')}\` — open requests and running restores · \`${asTyped(invokedAs, 'status R-1234')}\`\n` +
        `• \`${asTyped(invokedAs, 'history employee')}\` — the audit trail`,
      `Any command can end with \`in <region>\`, e.g. \`${asTyped(invokedAs, 'backups employee in eu-west-1')}\`.`,
    ],
  };
}
