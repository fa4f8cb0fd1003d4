// Import and export run through every record of the database in one go. V8 doubles its young
// generation as such a run goes on (up to 16 MiB twice over on Node 20), whatever little each record
// keeps, so their peak memory would grow with the file up to that ceiling. Held at its starting
// size, the young generation keeps memory flat (export at 100,000 events: 96 → 80 MiB, at 10,000:
// 73 → 68) at no measurable cost in speed: what survives a collection is little. Set by the commands
// that need it, not at start-up, where loading node:v8 would cost every command a millisecond.
import { setFlagsFromString } from 'node:v8';

let steady = false;

export function keepMemorySteady(): void {
  if (steady) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  steady = true;
}
