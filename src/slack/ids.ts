/** Every action_id the bot puts on a button, in one place. */
export const ACTION_IDS = {
  approve: 'restore_approve',
  deny: 'restore_deny',
  cancel: 'restore_cancel',
  /** A one-click follow-up command (e.g. "use the latest restorable time"). */
  rerun: 'rerun_command',
  reapplySettings: 'settings_reapply',
  cloneAlarms: 'settings_clone_alarms',
} as const;

export const DECISION_ACTION_PATTERN = /^restore_(approve|deny|cancel)$/;
