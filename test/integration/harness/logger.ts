import type { Logger } from 'n8n-workflow';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogEntry {
	level: LogLevel;
	message: string;
	meta?: object;
}

const ORDER: LogLevel[] = ['error', 'warn', 'info', 'debug'];

/**
 * Stands in for n8n's winston Logger (the one `this.logger` returns inside a node).
 * It keeps every entry in memory so a test can read what a node logged, and prints
 * nothing unless HARNESS_LOG_LEVEL (error|warn|info|debug) asks for it.
 */
export class CaptureLogger implements Logger {
	readonly entries: LogEntry[] = [];

	private readonly printUpTo = ORDER.indexOf(process.env.HARNESS_LOG_LEVEL as LogLevel);

	error(message: string, meta?: object): void {
		this.add('error', message, meta);
	}

	warn(message: string, meta?: object): void {
		this.add('warn', message, meta);
	}

	info(message: string, meta?: object): void {
		this.add('info', message, meta);
	}

	debug(message: string, meta?: object): void {
		this.add('debug', message, meta);
	}

	/** n8n's Logger hands out scoped children; one shared buffer is enough here. */
	scoped(): this {
		return this;
	}

	private add(level: LogLevel, message: string, meta?: object): void {
		this.entries.push(meta === undefined ? { level, message } : { level, message, meta });
		if (ORDER.indexOf(level) <= this.printUpTo) {
			console.log(`[n8n ${level}] ${message}`, meta ?? '');
		}
	}
}
