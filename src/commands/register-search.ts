// Commands of the search work, declared here and loaded lazily.
import type { Command } from 'commander';
import type { Context } from '../context';

export function registerSearch(_program: Command, _context: (command: Command) => Context): void {}
