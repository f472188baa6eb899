import { UserError } from '../domain/errors';
import { asTyped } from '../domain/invocation';
import { type BackupArn, parseBackupArn, parseName, parseRegion, parseRequestId } from './names';
import { parseSchedule, type ScheduleSpec } from './schedule';

/** Which backup a command names. */
export type BackupRef = { type: 'latest' } | { type: 'name'; name: string } | ({ type: 'arn' } & BackupArn);

export type RestoreFrom = { type: 'time'; phrase: string } | { type: 'backup'; backup: BackupRef };

export type PitrAction = { action: 'status' } | { action: 'on'; recoveryPeriodDays?: number } | { action: 'off' };

/** Every command of the grammar (design §2). `region` is set when the command ended with `in <region>`. */
export type Command = { region?: string } & (
  | { verb: 'help' }
  | { verb: 'restore'; table: string; from: RestoreFrom; target?: string }
  | { verb: 'backup'; table: string; name?: string }
  | { verb: 'backups'; table?: string; page?: number }
  | { verb: 'delete_backup'; backup: Exclude<BackupRef, { type: 'latest' }> }
  | ({ verb: 'pitr'; table: string } & PitrAction)
  | { verb: 'schedule'; table: string; schedule: ScheduleSpec }
  | { verb: 'schedules' }
  | { verb: 'unschedule'; table: string }
  | { verb: 'cost'; table?: string }
  | { verb: 'checklist'; requestId: string }
  | { verb: 'compare'; source: string; target: string }
  | { verb: 'status'; requestId?: string }
  | { verb: 'history'; table?: string }
);

export type Verb = Command['verb'];

export interface ParseOptions {
  /** How the person reached the bot (`/ddb`, `@ddb`, or '' in a DM), for examples in errors. */
  invokedAs: string;
}

/** Usage of each verb, shown when its arguments are wrong. */
export const USAGE: Record<Verb, string> = {
  help: 'help',
  restore:
    'restore <table> to <time> [as <target>]` or `restore <table> from backup <name | arn | latest> [as <target>]',
  backup: 'backup <table> [as <name>]',
  backups: 'backups [<table>]',
  delete_backup: 'delete backup <name | arn>',
  pitr: 'pitr <table>`, `pitr <table> on [<N> days]` or `pitr <table> off',
  schedule: 'schedule backup <table> daily at HH:MM [zone] keep <N>` (or `hourly`, `weekly on <day> at HH:MM`)',
  schedules: 'schedules',
  unschedule: 'unschedule <table>',
  cost: 'cost [<table>]',
  checklist: 'checklist <request id>',
  compare: 'compare <source table> <target table>',
  status: 'status [<request id>]',
  history: 'history [<table>]',
};

const POLITE_START = /^(?:(?:please|pls|plz|kindly|hey|hi|can you|could you|would you)[,\s]+)+/i;
const POLITE_END = /(?:[,\s]+(?:please|pls|plz|thanks|thank you|thx))+[.!]?$/i;
/** Words tolerated around names: "restore the employee table to …". */
const FILLER = new Set(['the', 'table', 'my', 'our']);
const REGION_LIKE = /^[a-z]{2,}(?:-[a-z0-9]+)+$/i;

/** A cursor over the words of a command; names keep their case, keywords are matched lowercased. */
class Words {
  private index = 0;
  constructor(readonly words: string[]) {}
  peek(offset = 0): string | undefined {
    return this.words[this.index + offset];
  }
  peekLower(offset = 0): string | undefined {
    return this.peek(offset)?.toLowerCase();
  }
  next(): string | undefined {
    const word = this.words[this.index];
    if (word !== undefined) this.index += 1;
    return word;
  }
  /** Consumes `keyword` (case-insensitive) if it is next. */
  accept(...keywords: string[]): boolean {
    if (keywords.includes(this.peekLower() ?? '')) {
      this.index += 1;
      return true;
    }
    return false;
  }
  skipFiller(): void {
    while (FILLER.has(this.peekLower() ?? '') && this.peek(1) !== undefined) this.index += 1;
  }
  rest(): string[] {
    const rest = this.words.slice(this.index);
    this.index = this.words.length;
    return rest;
  }
  done(): boolean {
    return this.index >= this.words.length;
  }
}

/**
 * Text → typed command, or a UserError saying what was wrong and showing what would work.
 * Pure: no I/O, no clock. Restore times are kept as typed; `parseInstant` resolves them.
 */
export function parseCommand(text: string, { invokedAs }: ParseOptions): Command {
  const example = (usage: string) => `\`${asTyped(invokedAs, usage)}\``;
  const cleaned = text.trim().replace(POLITE_START, '').replace(POLITE_END, '').trim();
  if (cleaned === '') {
    throw new UserError('empty_command', 'You didn’t give me a command.', `Try ${example('help')}.`);
  }
  const all = cleaned.split(/\s+/);
  const region = takeRegionSuffix(all);
  const words = new Words(all);
  const first = words.next() ?? '';
  const verbWord = first.toLowerCase();
  const context: VerbContext = { words, example, invokedAs };
  const command = parseVerb(verbWord, context);
  if (command === undefined) {
    throw new UserError('unknown_command', `I don't know \`${first}\`.`, `Try ${example('help')}.`);
  }
  return region === undefined ? command : { ...command, region };
}

interface VerbContext {
  words: Words;
  example: (usage: string) => string;
  invokedAs: string;
}

function parseVerb(verbWord: string, c: VerbContext): Command | undefined {
  const { words } = c;
  switch (verbWord) {
    case 'help':
    case '?':
      words.rest(); // "help restore" is still help
      return { verb: 'help' };
    case 'restore':
      return parseRestore(c);
    case 'back':
      if (!words.accept('up')) return undefined;
      return parseBackup(c);
    case 'backup':
    case 'snapshot':
      return parseBackup(c);
    case 'backups':
      return parseBackups(c);
    case 'list':
    case 'show':
      return parseVerb((words.next() ?? '').toLowerCase(), c);
    case 'delete':
    case 'remove':
      return parseDeleteBackup(c);
    case 'pitr':
      return parsePitr(c);
    case 'schedule':
      return parseScheduleCommand(c);
    case 'schedules':
      return finish(c, 'schedules', { verb: 'schedules' });
    case 'unschedule':
      return finish(c, 'unschedule', { verb: 'unschedule', table: requiredTable(c, 'unschedule') });
    case 'cost':
    case 'costs':
    case 'price':
      return { verb: 'cost', table: optionalTable(c, 'cost', ['of', 'for']) };
    case 'checklist':
      return finish(c, 'checklist', { verb: 'checklist', requestId: requiredRequestId(c, 'checklist') });
    case 'compare':
      return parseCompare(c);
    case 'status': {
      words.skipFiller();
      const id = words.next();
      return finish(c, 'status', { verb: 'status', requestId: id === undefined ? undefined : parseRequestId(id) });
    }
    case 'history':
    case 'audit':
      return { verb: 'history', table: optionalTable(c, 'history', ['of', 'for']) };
    default:
      return undefined;
  }
}

/** `… in eu-west-1` at the very end of any command. */
function takeRegionSuffix(all: string[]): string | undefined {
  const last = all.at(-1);
  if (all.length < 3 || all.at(-2)?.toLowerCase() !== 'in' || last === undefined || !REGION_LIKE.test(last))
    return undefined;
  all.splice(-2, 2);
  return parseRegion(last);
}

/** `… as <name>` at the end (but not "as of"). */
function takeAsSuffix(words: Words, kind: 'target table' | 'backup'): string | undefined {
  const { words: all } = words;
  const last = all.at(-1);
  if (all.length < 3 || all.at(-2)?.toLowerCase() !== 'as' || last === undefined || last.toLowerCase() === 'of')
    return undefined;
  all.splice(-2, 2);
  return parseName(last, kind);
}

function wrongArguments(c: VerbContext, verb: Verb, problem: string): UserError {
  return new UserError('invalid_arguments', problem, `Usage: ${c.example(USAGE[verb])}.`);
}

function finish<T>(c: VerbContext, verb: Verb, value: T): T {
  if (!c.words.done()) {
    throw wrongArguments(c, verb, `I didn't understand \`${c.words.rest().join(' ')}\` at the end.`);
  }
  return value;
}

function requiredTable(c: VerbContext, verb: Verb): string {
  c.words.skipFiller();
  const name = c.words.next();
  const keyword = ['to', 'from', 'at', 'on', 'off', 'as'].includes(name?.toLowerCase() ?? '');
  if (name === undefined || keyword) throw wrongArguments(c, verb, 'Which table? The table name is missing.');
  const table = parseName(name, 'table');
  if (c.words.peekLower() === 'table') c.words.next();
  return table;
}

function optionalTable(c: VerbContext, verb: Verb, prepositions: string[]): string | undefined {
  c.words.accept(...prepositions);
  c.words.skipFiller();
  if (c.words.done()) return undefined;
  return finish(c, verb, requiredTable(c, verb));
}

function parseRestore(c: VerbContext): Command {
  const { words } = c;
  const target = takeAsSuffix(words, 'target table');
  const table = requiredTable(c, 'restore');
  if (words.done()) {
    throw wrongArguments(c, 'restore', `Restore \`${table}\` to when? Give a time or a backup.`);
  }
  if (words.accept('from')) {
    return { verb: 'restore', table, from: { type: 'backup', backup: parseBackupRef(c, 'restore', true) }, target };
  }
  if (
    words.accept('to', 'at') ||
    (words.peekLower() === 'as' && words.peekLower(1) === 'of' && words.next() && words.next())
  ) {
    const phrase = words.rest().join(' ');
    if (phrase === '') throw wrongArguments(c, 'restore', `Restore \`${table}\` to when? The time is missing.`);
    return { verb: 'restore', table, from: { type: 'time', phrase }, target };
  }
  throw wrongArguments(
    c,
    'restore',
    `After \`restore ${table}\` I expected \`to <time>\` or \`from backup <name>\`, not \`${words.peek()}\`.`,
  );
}

function parseBackupRef(c: VerbContext, verb: Verb, allowLatest: true): BackupRef;
function parseBackupRef(c: VerbContext, verb: Verb, allowLatest: false): Exclude<BackupRef, { type: 'latest' }>;
function parseBackupRef(c: VerbContext, verb: Verb, allowLatest: boolean): BackupRef {
  const { words } = c;
  words.skipFiller();
  // "from backup X", "from latest backup", "from the latest", "from backup named X"
  const sawBackupWord = words.accept('backup');
  if (allowLatest && words.accept('latest', 'newest', 'last')) {
    words.accept('backup', 'one');
    return finish(c, verb, { type: 'latest' });
  }
  words.accept('named', 'called');
  const raw = words.next();
  if (raw === undefined) {
    throw wrongArguments(c, verb, sawBackupWord ? 'Which backup? Its name or ARN is missing.' : 'Which backup?');
  }
  const arn = parseBackupArn(raw);
  if (arn !== undefined) return finish(c, verb, { type: 'arn', ...arn });
  if (raw.startsWith('arn:')) {
    throw new UserError(
      'invalid_name',
      `\`${raw.slice(0, 80)}\` is not a DynamoDB backup ARN.`,
      'Backup ARNs look like `arn:aws:dynamodb:us-east-1:123456789012:table/employee/backup/01732612345678-a1b2c3d4`.',
    );
  }
  return finish(c, verb, { type: 'name', name: parseName(raw, 'backup') });
}

function parseBackup(c: VerbContext): Command {
  const { words } = c;
  const name = takeAsSuffix(words, 'backup');
  const table = requiredTable(c, 'backup');
  if (words.accept('named', 'called')) {
    const raw = words.next();
    if (raw === undefined) throw wrongArguments(c, 'backup', 'The backup name is missing.');
    return finish(c, 'backup', { verb: 'backup', table, name: parseName(raw, 'backup') });
  }
  return finish(c, 'backup', { verb: 'backup', table, name });
}

/** `backups [<table>] [page <N>]`: the page comes from the "Show more" button. */
function parseBackups(c: VerbContext): Command {
  const { words } = c;
  const all = words.words;
  let page: number | undefined;
  if (all.length >= 2 && all.at(-2)?.toLowerCase() === 'page') {
    page = Number(all.at(-1));
    if (!Number.isInteger(page) || page < 1)
      throw wrongArguments(c, 'backups', `\`page\` takes a whole number, not \`${all.at(-1)}\`.`);
    all.splice(-2, 2);
  }
  return {
    verb: 'backups',
    table: optionalTable(c, 'backups', ['for', 'of']),
    ...(page === undefined ? {} : { page }),
  };
}

function parseDeleteBackup(c: VerbContext): Command {
  c.words.skipFiller();
  if (c.words.peekLower() !== 'backup') {
    throw wrongArguments(c, 'delete_backup', 'Only backups can be deleted from here.');
  }
  return { verb: 'delete_backup', backup: parseBackupRef(c, 'delete_backup', false) };
}

function parsePitr(c: VerbContext): Command {
  const { words } = c;
  const table = requiredTable(c, 'pitr');
  if (words.done() || words.accept('status')) return finish(c, 'pitr', { verb: 'pitr', table, action: 'status' });
  if (words.accept('off', 'disable')) return finish(c, 'pitr', { verb: 'pitr', table, action: 'off' });
  if (!words.accept('on', 'enable')) {
    throw wrongArguments(
      c,
      'pitr',
      `After \`pitr ${table}\` I expected \`on\`, \`off\` or nothing, not \`${words.peek()}\`.`,
    );
  }
  words.accept('for', 'with');
  const raw = words.next();
  if (raw === undefined) return { verb: 'pitr', table, action: 'on' };
  const days = Number(raw);
  words.accept('days', 'day', 'd');
  if (!Number.isInteger(days) || days < 1 || days > 35) {
    throw wrongArguments(c, 'pitr', `The recovery period must be a whole number of days from 1 to 35, not \`${raw}\`.`);
  }
  return finish(c, 'pitr', { verb: 'pitr', table, action: 'on', recoveryPeriodDays: days });
}

function parseScheduleCommand(c: VerbContext): Command {
  const { words } = c;
  words.accept('a');
  words.accept('backup', 'backups');
  const table = requiredTable(c, 'schedule');
  const schedule = parseSchedule(words.rest(), (problem) => wrongArguments(c, 'schedule', problem));
  return { verb: 'schedule', table, schedule };
}

function requiredRequestId(c: VerbContext, verb: Verb): string {
  c.words.skipFiller();
  c.words.accept('for', 'of', 'request');
  const raw = c.words.next();
  if (raw === undefined) throw wrongArguments(c, verb, 'Which request? The request id is missing.');
  return parseRequestId(raw);
}

function parseCompare(c: VerbContext): Command {
  const source = requiredTable(c, 'compare');
  c.words.accept('with', 'and', 'to', 'against', 'vs', 'versus');
  if (c.words.done()) throw wrongArguments(c, 'compare', 'Compare with which table? The second name is missing.');
  const target = requiredTable(c, 'compare');
  return finish(c, 'compare', { verb: 'compare', source, target });
}
