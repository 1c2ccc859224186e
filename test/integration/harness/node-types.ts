import { UnrecognizedNodeTypeError } from 'n8n-core';
import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

export type NodeTypeInput =
	| INodeType
	| IVersionedNodeType
	| (new () => INodeType)
	| (new () => IVersionedNodeType);

/** The INodeTypes registry a Workflow resolves its nodes through, keyed by full type name. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	register(fullTypeName: string, type: NodeTypeInput): void {
		this.types.set(fullTypeName, typeof type === 'function' ? new type() : type);
	}

	getByName(fullTypeName: string): INodeType | IVersionedNodeType {
		const type = this.types.get(fullTypeName);
		if (type) return type;
		const dot = fullTypeName.lastIndexOf('.');
		throw new UnrecognizedNodeTypeError(
			fullTypeName.slice(0, Math.max(dot, 0)),
			fullTypeName.slice(dot + 1),
		);
	}

	getByNameAndVersion(fullTypeName: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(fullTypeName), version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const name of this.types.keys()) known[name] = { className: name, sourcePath: '' };
		return known;
	}
}
