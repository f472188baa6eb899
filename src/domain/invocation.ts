/** An example command as the person would type it: `/ddb help`, `@ddb help`, or just `help` in a DM. */
export function asTyped(invokedAs: string, command: string): string {
  return invokedAs ? `${invokedAs} ${command}` : command;
}
