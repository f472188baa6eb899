import * as chrono from 'chrono-node';
import { isUserError } from '../src/domain/errors';
import { parseCommand } from '../src/parse/command';
import { parseInstant } from '../src/parse/time';
import type { BenchResult } from './result';

/** What responders and owners type, roughly in the proportions they type it. */
const COMMAND_MIX = [
  'restore employee to 10 minutes ago',
  'restore employee to yesterday at 5pm',
  'restore orders to 2 hours and 15 minutes ago as orders-before-deploy',
  'restore employee to 2026-11-26T14:05:00Z',
  'restore employee to last friday noon in eu-west-1',
  'restore employee to 14:00 UTC',
  'restore sessions to 1795802520.754',
  'restore employee to Nov 25 14:00',
  'restore employee from backup latest',
  'restore employee to latest',
  'backups employee',
  'backup employee as before-migration',
  'pitr employee',
  'pitr employee on 7 days',
  'cost employee',
  'cost',
  'status',
  'history employee',
  'help',
  'restore employee to banana',
];

/** The calendar phrases of the mix, for chrono-node's own rate on the same words. */
const CHRONO_PHRASES = ['yesterday at 5pm', 'last friday noon', '14:00 UTC', 'Nov 25 14:00', '10 minutes ago'];

const NOW = new Date('2026-11-27T18:12:00Z');

function parseOne(text: string): void {
  try {
    const command = parseCommand(text, { invokedAs: '/ddb' });
    if (command.verb === 'restore' && command.from.type === 'time') {
      parseInstant(command.from.phrase, { now: NOW, timeZone: 'America/Los_Angeles' });
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
  }
}

function ratePerSecond(work: (i: number) => void, durationMs = 2000): number {
  for (let i = 0; i < 2000; i += 1) work(i); // warm-up
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < durationMs) {
    for (let i = 0; i < 200; i += 1) work(count + i);
    count += 200;
  }
  return count / ((performance.now() - start) / 1000);
}

export async function benchParser(): Promise<BenchResult[]> {
  const ours = ratePerSecond((i) => parseOne(COMMAND_MIX[i % COMMAND_MIX.length] ?? 'help'));
  const chronoRate = ratePerSecond((i) =>
    chrono.parse(CHRONO_PHRASES[i % CHRONO_PHRASES.length] ?? '', { instant: NOW }, { forwardDate: false }),
  );
  return [
    {
      name: 'parse: commands/s (realistic mix, incl. time resolution)',
      value: Math.round(ours),
      unit: 'ops/s',
      target: '≥ 20000',
    },
    { name: 'parse: chrono-node alone, phrases/s (same run)', value: Math.round(chronoRate), unit: 'ops/s' },
    {
      name: 'parse: ours / chrono-node',
      value: Number((ours / chronoRate).toFixed(2)),
      unit: 'ratio',
      target: '≥ 0.6',
    },
  ];
}
