/** @type {import('jest').Config} */
const project = (name, extra = {}) => ({
	displayName: name,
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	...extra,
});

module.exports = {
	projects: [
		project('unit'),
		project('integration', { setupFilesAfterEnv: ['<rootDir>/test/setup/integration.ts'] }),
		project('e2e', {
			setupFilesAfterEnv: ['<rootDir>/test/setup/e2e.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/compat/'],
		}),
		// Older n8n releases, not run in CI: `npm run test:compat`.
		project('compat', {
			testMatch: ['<rootDir>/test/e2e/compat/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/setup/e2e.ts'],
		}),
		// n8n's verification scanner, installed into a cache folder on first use: `npm run test:scan`.
		project('scan'),
	],
};
