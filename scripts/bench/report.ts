/** Formatting for the console and BENCHMARKS.md: one Markdown text serves both. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;
export const ratio = (value: number): string => `${value.toFixed(2)}×`;
export const mb = (value: number): string => `${value.toFixed(0)} MB`;
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');
export const met = (ok: boolean): string => (ok ? 'yes' : '**no**');

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
	const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
	return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The CPU model as the kernel names it, else as Node does. */
function cpuModel(): string {
	try {
		const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
		if (match) return match[1].trim();
	} catch {
		// Not Linux: os.cpus() below.
	}
	return os.cpus()[0]?.model ?? 'unknown';
}

export function machine(load: { start: number; end: number }): string[] {
	const cores = os.cpus().length;
	const busy = Math.max(load.start, load.end) > cores;
	return [
		`- CPU: ${cpuModel()}, ${os.cpus().length} cores (os.cpus())`,
		`- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
		`- OS: ${os.type()} ${os.release()} (${os.arch()})`,
		`- Node.js: ${process.version}`,
		`- Load average (1 min) at start / end: ${load.start.toFixed(2)} / ${load.end.toFixed(2)}${busy ? ` — **above the ${cores} cores: other processes competed for the CPU, so wall times are inflated; see "waited for a CPU"**` : ''}`,
	];
}
