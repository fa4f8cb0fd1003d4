// At a search, inquirer looks the choices up again after each key typed, and the list comes a moment
// later. A key that acts on the list (Enter, an arrow, Tab) read at once with the text before it
// (tmux's send-keys Kazakh Enter, a paste ending in a line break) acted on the list of before: Enter
// took "none", while the source found was drawn as the answer, and nothing was cited. So such a key
// waits until what was typed before it is read and its list drawn.
import type { PassThrough } from 'node:stream';

/** Keys that act on a list: Enter, Tab, and the escape sequences of arrows (and Ctrl keys, which may as well wait). */
const ACTS_ON_LIST = /[\u0000-\u001f]/;

export interface PacedKeys {
  pass(keys: string): void;
  /** The prompt is done: keys still waiting are dropped, as keys after its answer always were. */
  stop(): void;
}

export function pacedKeys(feed: PassThrough): PacedKeys {
  let waiting = '';
  let next: NodeJS.Immediate | undefined;
  const go = () => {
    next = undefined;
    // Keys written before the prompt reads them are read together, whatever was waited for between.
    if (feed.readableFlowing !== true || feed.readableLength > 0) {
      next = setImmediate(go);
      return;
    }
    // Up to the next key acting on the list; the list for what goes before it is drawn by the next turn.
    const at = waiting.slice(1).search(ACTS_ON_LIST) + 1;
    const now = at > 0 ? waiting.slice(0, at) : waiting;
    waiting = waiting.slice(now.length);
    feed.write(now);
    if (waiting) next = setImmediate(go);
  };
  return {
    pass(keys) {
      waiting += keys;
      if (!next && waiting) go();
    },
    stop() {
      if (next) clearImmediate(next);
      next = undefined;
      waiting = '';
    },
  };
}
