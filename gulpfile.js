const path = require('path');
const { task, src, dest } = require('gulp');

// tsc only emits .js; n8n loads icons, and the codex (*.node.json: search aliases, category),
// from the same folder as the compiled node.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist'))),
);
