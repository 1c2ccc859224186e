/** The part of n8n's IRun that tests look at. */
export interface NodeExecutionItem {
	readonly json: Record<string, unknown>;
	readonly error?: unknown;
	readonly pairedItem?: unknown;
}

export interface TaskData {
	readonly executionStatus?: string;
	readonly error?: {
		readonly message?: string;
		readonly description?: string;
		readonly name?: string;
	};
	readonly data?: { readonly main?: ReadonlyArray<readonly NodeExecutionItem[] | null> };
	/** What the node passed to addExecutionHints: the notes under its output in the editor. */
	readonly hints?: ReadonlyArray<{ readonly message: string; readonly type?: string }>;
}

export interface RunData {
	readonly data: {
		readonly resultData: {
			readonly runData: Readonly<Record<string, readonly TaskData[]>>;
			readonly error?: {
				readonly message?: string;
				readonly description?: string;
				readonly name?: string;
			};
			readonly lastNodeExecuted?: string;
		};
	};
	readonly status?: string;
	readonly finished?: boolean;
	readonly mode?: string;
}

/**
 * `n8n execute --rawOutput` prints logs, then the run as pretty JSON starting at the
 * first line that is exactly `{` and ending at the last line that is exactly `}`.
 */
function runJsonBounds(lines: readonly string[]): [number, number] | undefined {
	const start = lines.findIndex((line) => line.trimEnd() === '{');
	if (start < 0) return undefined;
	for (let index = lines.length - 1; index > start; index--) {
		if (lines[index].trimEnd() === '}') return [start, index];
	}
	return undefined;
}

export function extractRunJson(stdout: string): RunData | undefined {
	const lines = stdout.split('\n');
	const bounds = runJsonBounds(lines);
	if (!bounds) return undefined;
	const [start, end] = bounds;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as RunData;
	} catch {
		return undefined;
	}
}

/** stdout with the run JSON replaced by a marker: the log lines around it, for error reports. */
export function logLinesOnly(stdout: string): string {
	const lines = stdout.split('\n');
	const bounds = runJsonBounds(lines);
	if (!bounds) return stdout;
	const [start, end] = bounds;
	return [...lines.slice(0, start), '<run data JSON omitted>', ...lines.slice(end + 1)].join('\n');
}

/** Items a node emitted on one output (0 = main/success, 1 = error output) in one of its runs. */
export function nodeOutput(
	run: RunData,
	nodeName: string,
	output = 0,
	runIndex = 0,
): NodeExecutionItem[] {
	const task = run.data.resultData.runData[nodeName]?.[runIndex];
	if (!task) {
		const ran = Object.keys(run.data.resultData.runData).join(', ');
		throw new Error(`Node "${nodeName}" has no run ${runIndex} (nodes that ran: ${ran})`);
	}
	return [...(task.data?.main?.[output] ?? [])];
}

export function nodeJson(
	run: RunData,
	nodeName: string,
	output = 0,
): Array<Record<string, unknown>> {
	return nodeOutput(run, nodeName, output).map((item) => item.json);
}

/** The messages of the hints a node's first run left, joined by newlines. */
export function nodeHints(run: RunData, nodeName: string): string {
	const task = run.data.resultData.runData[nodeName]?.[0];
	return (task?.hints ?? []).map((hint) => hint.message).join('\n');
}

export function nodeRan(run: RunData, nodeName: string): boolean {
	return (run.data.resultData.runData[nodeName]?.length ?? 0) > 0;
}
