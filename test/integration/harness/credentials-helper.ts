import { Credentials, getAdditionalKeys } from 'n8n-core';
import { ICredentialsHelper, NodeHelpers, UserError, isExpression } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

export interface CredentialFixture {
	type: string;
	data: Record<string, unknown>;
}

const MOCK_NODE: INode = {
	id: 'credentials-mock-node',
	name: '',
	type: 'mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * In-memory stand-in for the CLI's CredentialsHelper: the stored credentials are the
 * fixtures (keyed by the credential id the workflow JSON uses), and the parts that shape
 * what a node sees work like n8n's: type defaults and displayOptions are applied to the
 * stored data, expressions in it are resolved, `authenticate` (a function, or a generic
 * definition whose values are expressions over `$credentials`) decorates each request,
 * and `preAuthentication` refreshes an expirable hidden field.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	/** The running workflow, for expressions that have no item context. */
	workflow?: Workflow;

	constructor(
		credentialTypes: ICredentialType[],
		private readonly fixtures: Record<string, CredentialFixture>,
	) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	getCredentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UserError(`Unrecognized credential type: ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const direct = this.types.get(name)?.extends ?? [];
		return direct.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType);
		if (!type?.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some(
			(supported) => nodeType === supported || nodeType.endsWith(`.${supported}`),
		);
	}

	getCredentialsProperties(name: string): INodeProperties[] {
		const type = this.getCredentialType(name);
		if (!type.extends) return type.properties;
		const merged: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, type.properties);
		return merged;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.getCredentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node)
				throw new UserError('Generic authentication needs a workflow and node');
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			requestOptions.headers ??= {};
			for (const [outerKey, values] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(values as Record<string, string>)) {
					target[outerKey] ??= {};
					const resolvedKey = this.resolve(key, credentials, workflow, node);
					target[outerKey][resolvedKey] = this.resolve(value, credentials, workflow, node);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	private resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getCredentialType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const refreshed = { ...credentials, ...output } as ICredentialDataDecryptedObject;
		const stored = node.credentials?.[typeName];
		if (stored) await this.updateCredentials(stored, typeName, refreshed);
		return Object.assign(credentials, refreshed);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.getCredentialType(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return (await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	private fixture(nodeCredentials: INodeCredentialsDetails, type: string): CredentialFixture {
		if (!nodeCredentials.id) {
			throw new UserError(`Credential "${nodeCredentials.name}" of type "${type}" has no ID.`);
		}
		const fixture = this.fixtures[nodeCredentials.id];
		if (!fixture || fixture.type !== type) {
			throw new UserError(
				`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`,
			);
		}
		return fixture;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		const fixture = this.fixture(nodeCredentials, type);
		const credentials = new Credentials(
			{ id: nodeCredentials.id, name: nodeCredentials.name },
			type,
		);
		credentials.setData(fixture.data as ICredentialDataDecryptedObject);
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = structuredClone(this.fixture(nodeCredentials, type).data);
		if (raw === true) return stored as ICredentialDataDecryptedObject;
		return this.applyDefaultsAndExpressions(
			additionalData,
			stored as ICredentialDataDecryptedObject,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** What the CLI's applyDefaultsAndOverwrites does, less overwrites and external secrets. */
	applyDefaultsAndExpressions(
		additionalData: IWorkflowExecuteAdditionalData,
		stored: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		resolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		let data = (NodeHelpers.getNodeParameters(
			properties,
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) ?? {}) as ICredentialDataDecryptedObject;
		if (stored.oauthTokenData !== undefined) data.oauthTokenData = stored.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (resolveValues) {
			try {
				data = resolveValues.workflow.expression.getParameterValue(
					data as INodeParameters,
					resolveValues.runExecutionData,
					resolveValues.runIndex,
					resolveValues.itemIndex,
					resolveValues.node.name,
					resolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					data,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				if (error instanceof Error) error.message += ' [Error resolving credentials]';
				throw error;
			}
		} else if (this.workflow) {
			data = this.workflow.expression.getComplexParameterValue(
				MOCK_NODE,
				data as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				data,
			) as ICredentialDataDecryptedObject;
		}
		return data;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.fixture(nodeCredentials, type).data = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const fixture = this.fixture(nodeCredentials, type);
		fixture.data = { ...fixture.data, oauthTokenData: structuredClone(data.oauthTokenData) };
	}
}
