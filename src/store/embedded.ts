import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface EmbeddedEngine {
  /** `http://127.0.0.1:<port>`, for a DynamoDBClient's `endpoint`. */
  endpoint: string;
  close(): Promise<void>;
}

export interface EmbeddedEngineOptions {
  /** Folder the data lives in; survives restarts. Omit for an in-memory engine. */
  dir?: string;
}

/**
 * Starts a DynamoDB-protocol engine (dynalite, pure JavaScript on LevelDB) inside this process,
 * listening on loopback only.
 */
export async function startEmbeddedEngine({ dir }: EmbeddedEngineOptions = {}): Promise<EmbeddedEngine> {
  if (dir !== undefined) mkdirSync(dir, { recursive: true });
  // Required here, not at the top: the Lambda bundle (always a real state table) leaves dynalite out.
  const dynalite = require('dynalite') as typeof import('dynalite');
  const server = dynalite({ path: dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
