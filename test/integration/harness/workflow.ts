import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { FIXTURE_INPUT_TYPE } from './fixture-nodes';

let nodeCounter = 0;

/** An INode with the fields n8n's editor would fill in; `overrides` can set any of them. */
export function node(
	name: string,
	type: string,
	parameters: INode['parameters'] = {},
	overrides: Partial<INode> = {},
): INode {
	nodeCounter += 1;
	return {
		id: `node-${nodeCounter}`,
		name,
		type,
		typeVersion: 1,
		position: [nodeCounter * 220, 0],
		parameters,
		...overrides,
	};
}

/** A Fixture Input start node emitting `items`. */
export function fixtureInput(name: string, items: IDataObject[]): INode {
	return node(name, FIXTURE_INPUT_TYPE, { items: JSON.stringify(items) });
}

/** Main connections chaining the named nodes in order, each output 0 into input 0. */
export function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** Adds one main connection (from an output of `from` to input 0 of `to`) to `connections`. */
export function connect(
	connections: IConnections,
	from: string,
	to: string,
	outputIndex = 0,
): IConnections {
	const main = (connections[from] ??= {}).main ?? [];
	connections[from].main = main;
	while (main.length <= outputIndex) main.push([]);
	(main[outputIndex] ??= []).push({ node: to, type: 'main', index: 0 });
	return connections;
}
