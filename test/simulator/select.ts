// Row selection: which referring domains qualify for a validated task. This is the single definition
// of "the intersection"; calibration, the HTTP endpoint and the exported intersect() all use it.
import { LinkState, statusAccepts } from './graph';
import type { LinkGraph } from './graph';
import { mix, unit } from './hash';
import { IntersectionRow, RowSource } from './row';
import { isInternal } from './targets';
import type { ValidatedTask } from './validate';

const INDIRECT_SALT = 0x1d1ec7;
// Share of links that only exist as indirect links (via redirects/canonicals).
const INDIRECT_SHARE = 0.03;

export type RowSelector = (index: number) => IntersectionRow | null;

export function buildSelector(graph: LinkGraph, task: ValidatedTask): RowSelector {
	const targets = task.targets.map((t) => t.parsed);
	const n = targets.length;
	// backlinks_filters thin the link set: the stricter (smaller scale) the filter, the fewer links.
	const keepShare = 0.55 + 0.45 * task.backlinksScale;
	const need = task.intersectionMode === 'all' ? n : 1;

	/** The link state that counts for this task, after status type and the link-level options. */
	const stateAt = (index: number, j: number): LinkState => {
		const target = targets[j];
		const state = graph.linkState(index, target, task.includeSubdomains);
		if (!statusAccepts(state, task.statusType)) return 0;
		const dh = graph.hashAt(index);
		if (!task.includeIndirectLinks && unit(mix(dh, target.hash ^ INDIRECT_SALT)) < INDIRECT_SHARE)
			return 0;
		if (task.backlinksSalt !== 0 && unit(mix(dh, target.hash ^ task.backlinksSalt)) >= keepShare)
			return 0;
		if (task.excludeInternalBacklinks && isInternal(graph.domainAt(index), target)) return 0;
		return state;
	};

	const source: RowSource = {
		graph,
		targets,
		ctx: {
			statusType: task.statusType,
			rankScale: task.rankScale,
			backlinksScale: task.backlinksScale,
		},
		stateAt,
	};

	return (index) => {
		let count = 0;
		for (let j = 0; j < n; j++) {
			if (stateAt(index, j) !== 0) count++;
			// In "all" mode a single miss disqualifies the domain.
			else if (need === n) return null;
		}
		if (count < need) return null;
		for (const exclude of task.excludes) {
			if (statusAccepts(graph.linkState(index, exclude, task.includeSubdomains), task.statusType))
				return null;
		}
		return new IntersectionRow(index, count, source);
	};
}
