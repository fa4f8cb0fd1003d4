// Bundles the CLI into dist/ (see scripts/build-lib.mjs for how and why).
import { buildCaselog } from './build-lib.mjs';

await buildCaselog('dist');
