// Which terminal session a run of caselog belongs to, for the change log (migration 12): undo asks
// before taking back a change another session made, even under the same OS user. Each terminal's
// shell starts a session of its own, and every command it runs, or a script it runs, is in that
// session: two terminals differ, commands one after another in one terminal do not.
import { readFileSync } from 'node:fs';

/**
 * This process's session: on Linux the session id and controlling terminal of /proc/self/stat;
 * elsewhere (no /proc) the parent process, the shell or script that ran caselog. One small read,
 * made only when a change is written or undo compares.
 */
export function terminalSession(): string {
  try {
    return sessionOfStat(readFileSync('/proc/self/stat', 'latin1')) ?? `ppid ${process.ppid}`;
  } catch {
    return `ppid ${process.ppid}`;
  }
}

/**
 * "sid 4242 tty 34817" from a /proc/PID/stat line: "PID (COMMAND) STATE PPID PGRP SESSION TTY_NR ...".
 * The command's name may hold spaces and ")" itself ("a) 1 2"): the fields are read after its last ")".
 */
export function sessionOfStat(stat: string): string | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 1).trim().split(/\s+/);
  const [sid, tty] = [fields[3], fields[4]];
  return stat.includes(')') && sid !== undefined && tty !== undefined && /^\d+$/.test(sid) && /^-?\d+$/.test(tty)
    ? `sid ${sid} tty ${tty}` : undefined;
}
