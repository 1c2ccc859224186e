const path = require('path');
const { task, src, dest } = require('gulp');

// tsc only emits .js; n8n loads icons, and the codex (<Node>.node.json: categories and the
// search aliases of the node panel), from the same folder as the compiled node.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist'))),
);
