import {
  defaultTargetName,
  digestOf,
  newRequestId,
  numberedName,
  timestampedName,
} from '../../../../src/domain/restore/naming';
import { NAME_PATTERN, REQUEST_ID_PATTERN } from '../../../../src/parse/names';
import { buildRestoreRequest } from '../../../support/request-builders';

describe('defaultTargetName', () => {
  it('stamps the UTC minute of the restore point', () => {
    expect(defaultTargetName('employee', Date.parse('2026-11-26T14:05:59.999Z'))).toBe(
      'employee-restored-20261126-1405',
    );
  });

  it('shortens the source so the name fits 255 characters and stays valid', () => {
    const name = defaultTargetName('t'.repeat(255), Date.parse('2026-01-02T03:04:00Z'));

    expect(name).toHaveLength(255);
    expect(name.endsWith('-restored-20260102-0304')).toBe(true);
    expect(NAME_PATTERN.test(name)).toBe(true);
    expect(numberedName(name, 2)).toHaveLength(255);
    expect(numberedName(name, 2).endsWith('-2')).toBe(true);
  });
});

describe('timestampedName', () => {
  it('names backups <table>[infix]-<UTC yyyyMMdd-HHmmss>, keeping the stamp when the table name is long', () => {
    expect(timestampedName('employee', Date.parse('2026-11-27T18:12:05.900Z'))).toBe('employee-20261127-181205');
    expect(timestampedName('employee', Date.parse('2026-11-28T02:00:00Z'), '-scheduled')).toBe(
      'employee-scheduled-20261128-020000',
    );
    const long = timestampedName('t'.repeat(255), Date.parse('2026-11-28T02:00:00Z'), '-scheduled');
    expect(long).toHaveLength(255);
    expect(long.endsWith('-scheduled-20261128-020000')).toBe(true);
  });
});

describe('newRequestId', () => {
  it('makes ids the parser accepts, without look-alike characters', () => {
    const ids = Array.from({ length: 200 }, newRequestId);

    for (const id of ids) {
      expect(REQUEST_ID_PATTERN.test(id)).toBe(true);
      expect(id.slice(2)).not.toMatch(/[01IO]/);
    }
    expect(new Set(ids).size).toBe(200);
  });
});

describe('digestOf', () => {
  it('is stable, and changes with anything an approval is about', () => {
    const request = buildRestoreRequest();

    expect(digestOf(request)).toBe(digestOf({ ...request }));
    expect(digestOf({ ...request, targetTable: 'other-table' })).not.toBe(digestOf(request));
    expect(digestOf({ ...request, source: { type: 'latest' } })).not.toBe(digestOf(request));
    expect(digestOf({ ...request, region: 'eu-west-1' })).not.toBe(digestOf(request));
    expect(digestOf(request)).toMatch(/^[0-9a-f]{16}$/);
  });
});
