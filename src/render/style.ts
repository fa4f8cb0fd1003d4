// Colour on a terminal only, and never with --no-color or NO_COLOR (chalk does not check it itself).
import { Chalk, type ChalkInstance } from 'chalk';

export function style(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
