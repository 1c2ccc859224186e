/**
 * Writes flatten-golden.json from the flattening as it is now: `npx tsx
 * test/unit/output/golden/write.ts`. Run it only when a change of columns or values is meant.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { goldenCases } from './cases';

const file = join(__dirname, 'flatten-golden.json');
writeFileSync(file, `${JSON.stringify(goldenCases(), null, '\t')}\n`);
console.log(`wrote ${file}`);
