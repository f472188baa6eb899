import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/lib/clock';
import { type OpenedStateStore, openStateStore } from '../../src/store/open-state-store';

/** A fresh state store on the embedded engine, in memory unless a folder is given. */
export function openTestStore(clock: Clock, dir?: string): Promise<OpenedStateStore> {
  return openStateStore({ clock, region: 'local', dir });
}

/** A temporary folder for an embedded engine that must survive a restart. */
export function makeStateDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ddb-state-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
