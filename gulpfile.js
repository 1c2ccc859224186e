const path = require('path');
const { task, src, dest } = require('gulp');

// tsc only emits .js; n8n loads icons from the same folder as the compiled node.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest(path.resolve('dist')),
	),
);
