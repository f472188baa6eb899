import { UserError } from '../domain/errors';
import { asTyped } from '../domain/invocation';

/** Every verb of the grammar (design §2). */
export const VERBS = [
  'help',
  'restore',
  'backup',
  'backups',
  'delete',
  'pitr',
  'schedule',
  'schedules',
  'unschedule',
  'cost',
  'checklist',
  'compare',
  'status',
  'history',
] as const;

export type Verb = (typeof VERBS)[number];

export type Command = { verb: Verb; rest: string };

export interface ParseOptions {
  invokedAs: string;
}

/** Text → command. Words are case-insensitive; what follows the verb is kept as typed. */
export function parseCommand(text: string, { invokedAs }: ParseOptions): Command {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new UserError('empty_command', 'You didn’t give me a command.', `Try \`${asTyped(invokedAs, 'help')}\`.`);
  }
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const verb = VERBS.find((v) => v === first.toLowerCase());
  if (verb === undefined) {
    throw new UserError('unknown_command', `I don't know \`${first}\`.`, `Try \`${asTyped(invokedAs, 'help')}\`.`);
  }
  return { verb, rest: rest.join(' ') };
}
