/** Slack's Block Kit limits that our builders must respect. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionTextChars: 3000,
  buttonLabelChars: 75,
  actionIdChars: 255,
  buttonValueChars: 2000,
} as const;
