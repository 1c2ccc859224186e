import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE_DIRS = ['nodes', 'credentials'].map((dir) => join(ROOT, dir));
const MAX_LINES = 250;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** Relative imports of a file, type-only ones included: a cycle of types is still a tangle. */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/from '(\.[^']+)'/g)].map(([, spec]) => {
		const base = resolve(dirname(file), spec);
		const candidates = [`${base}.ts`, join(base, 'index.ts')];
		return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })) ?? base;
	});
}

function findCycle(files: string[]): string[] | undefined {
	const graph = new Map(files.map((file) => [file, importsOf(file)]));
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string): string[] | undefined => {
		if (state.get(file) === 'done') return undefined;
		if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file];
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		stack.pop();
		state.set(file, 'done');
		return undefined;
	};
	for (const file of files) {
		const cycle = visit(file);
		if (cycle) return cycle.map((path) => relative(ROOT, path));
	}
	return undefined;
}

describe('the code layout', () => {
	const files = SOURCE_DIRS.flatMap(sourceFiles);

	it('has no import cycle', () => {
		expect(findCycle(files)).toBeUndefined();
	});

	it('finds a planted cycle', () => {
		expect(findCycle([join(__dirname, 'cycle', 'a.ts'), join(__dirname, 'cycle', 'b.ts')])).toEqual(
			[
				'test/unit/package/cycle/a.ts',
				'test/unit/package/cycle/b.ts',
				'test/unit/package/cycle/a.ts',
			],
		);
	});

	it(`keeps every source file under ${MAX_LINES} lines`, () => {
		const long = files
			.map((file) => [relative(ROOT, file), readFileSync(file, 'utf8').split('\n').length] as const)
			.filter(([, lines]) => lines > MAX_LINES);
		expect(long).toEqual([]);
	});
});
