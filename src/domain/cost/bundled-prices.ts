/**
 * Published DynamoDB backup prices, USD, used only when the Price List API cannot be reached or is
 * not permitted. Each number is one the research notes mark as verified (shared/reference/
 * aws-pricing.md §4); a component without a verified number is left out, never guessed.
 */
export const BUNDLED_PRICES_AS_OF = '2026-09-29';

export const BUNDLED_PRICES: Readonly<
  Record<string, { pitrPerGbMonth?: number; backupPerGbMonth?: number; restorePerGb?: number }>
> = {
  'us-east-1': { pitrPerGbMonth: 0.2, backupPerGbMonth: 0.1, restorePerGb: 0.15 },
  'us-east-2': { pitrPerGbMonth: 0.2, backupPerGbMonth: 0.1 },
  'us-west-2': { pitrPerGbMonth: 0.2 },
  'us-west-1': { pitrPerGbMonth: 0.224 },
};
