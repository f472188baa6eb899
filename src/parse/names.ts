import { UserError } from '../domain/errors';

/** DynamoDB's rule for table, index and backup names. */
export const NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;
export const NAME_RULE = '3–255 characters, only letters, digits, `_`, `-` and `.`';

/** AWS region names: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, ... */
export const AWS_REGION_PATTERN = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** `arn:aws:dynamodb:us-east-1:123456789012:table/Music/backup/01489602797149-73d8d5bc` */
export const BACKUP_ARN_PATTERN =
  /^arn:aws(?:-[a-z]+)*:dynamodb:([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}):(\d{12}):table\/([A-Za-z0-9_.-]{3,255})\/backup\/(\d{13,17}-[A-Za-z0-9]{8})$/;

/** Request ids as the bot makes them: `R-` and 4–12 letters or digits. */
export const REQUEST_ID_PATTERN = /^R-[A-Z0-9]{4,12}$/;

export type NameKind = 'table' | 'target table' | 'index' | 'backup';

/** Refuses a name DynamoDB would refuse, before any AWS call, stating the rule. */
export function parseName(raw: string, kind: NameKind): string {
  if (!NAME_PATTERN.test(raw)) {
    const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
    throw new UserError(
      'invalid_name',
      `\`${shown}\` is not a valid ${kind} name.`,
      `DynamoDB ${kind} names are ${NAME_RULE}.`,
    );
  }
  return raw;
}

export interface BackupArn {
  arn: string;
  region: string;
  accountId: string;
  table: string;
}

export function parseBackupArn(raw: string): BackupArn | undefined {
  const match = BACKUP_ARN_PATTERN.exec(raw);
  if (match === null) return undefined;
  const [, region = '', accountId = '', table = ''] = match;
  return { arn: raw, region, accountId, table };
}

export function parseRegion(raw: string): string {
  const region = raw.toLowerCase();
  if (!AWS_REGION_PATTERN.test(region)) {
    throw new UserError(
      'invalid_region',
      `\`${raw}\` is not an AWS region name.`,
      'Regions look like `us-east-1`, `eu-west-1` or `ap-south-1`.',
    );
  }
  return region;
}

export function parseRequestId(raw: string): string {
  const id = raw.toUpperCase();
  if (!REQUEST_ID_PATTERN.test(id)) {
    throw new UserError(
      'invalid_arguments',
      `\`${raw}\` is not a request id.`,
      'Request ids look like `R-7K2Q9`; `status` lists them.',
    );
  }
  return id;
}
