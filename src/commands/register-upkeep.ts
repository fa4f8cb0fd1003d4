// Commands of the upkeep work, declared here and loaded lazily.
import type { Command } from 'commander';
import type { Context } from '../context';

export function registerUpkeep(_program: Command, _context: (command: Command) => Context): void {}
