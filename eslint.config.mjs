import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

// n8n's community-node rules are for code that runs inside n8n; tests, the simulator and
// the dev scripts run in plain Node.js and are type-checked by `npm run typecheck`.
export default [globalIgnores(['dist', 'test/**', 'scripts/**', 'examples/**', 'coverage/**']), ...config];
