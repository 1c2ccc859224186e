import { z } from 'zod';

// Only what the node relies on is checked; everything else passes through untouched.
const perTarget = z.object({ target: z.string().nullish() }).passthrough();

export const itemSchema = z
	.object({
		domain_intersection: z.record(z.string(), perTarget.nullable()),
		summary: z.object({ intersections_count: z.number().nullish() }).passthrough().nullish(),
	})
	.passthrough();

const resultSchema = z
	.object({
		total_count: z.number().int().nonnegative(),
		items_count: z.number().int().nullish(),
		items: z.array(itemSchema).nullish(),
	})
	.passthrough();

const taskSchema = z
	.object({
		status_code: z.number().int(),
		status_message: z.string().nullish(),
		cost: z.number().nullish(),
		result: z.array(resultSchema).nullish(),
	})
	.passthrough();

export const envelopeSchema = z
	.object({
		status_code: z.number().int(),
		status_message: z.string().nullish(),
		cost: z.number().nullish(),
		tasks: z.array(taskSchema).nullish(),
	})
	.passthrough();

export type ApiItem = z.infer<typeof itemSchema>;
export type ApiEnvelope = z.infer<typeof envelopeSchema>;
export type ApiTask = z.infer<typeof taskSchema>;
