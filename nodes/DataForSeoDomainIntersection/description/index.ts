import type { INodeProperties } from 'n8n-workflow';

import { builderProperties } from './builders';
import { optionsProperty } from './options';
import { outputProperties } from './output';
import { pagingProperties } from './paging';
import { targetProperties } from './targets';

export const properties: INodeProperties[] = [
	...targetProperties,
	...builderProperties,
	...pagingProperties,
	...outputProperties,
	optionsProperty,
];
