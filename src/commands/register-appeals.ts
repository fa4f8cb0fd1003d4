// Commands of the appeals work, declared here and loaded lazily.
import type { Command } from 'commander';
import type { Context } from '../context';

export function registerAppeals(_program: Command, _context: (command: Command) => Context): void {}
