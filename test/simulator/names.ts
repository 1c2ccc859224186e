// Realistic-looking referring-domain names ("word + word + tld"), so that rows in the simulator's
// answers look like the docs' example (sharkzmarketing.com, www.xroxy.com, ...) rather than ids.
import { Rng } from './hash';

// One space-separated list keeps the vocabulary readable (and the file short).
const FIRST = (
	'alpha amber apex arc atlas aurora azure backyard bay bean bear best big bit blue bold ' +
	'bright brook budget byte cedar city clear cloud coastal cobalt code copper coral cosmic ' +
	'crisp daily dark data deep digital direct dream eagle early east eco edge elite ember ' +
	'epic expert fast fern first fox fresh frontier future giant global gold grand green grey ' +
	'happy harbor hidden high home honest hyper indie iron jade just keen kind lake lean ' +
	'light little local lucky lunar magic maple market meta metro micro mint modern mountain ' +
	'native neon next noble north nova oak ocean open orbit pacific peak pine pixel planet ' +
	'prime pro pure quick quiet rapid red river rock royal rural sage sharp silver simple ' +
	'smart social solar solid south spark square star steady stone storm sunny swift tech ' +
	'thrifty tiny top true urban vital vivid west wild wise young zen'
).split(' ');

const SECOND = (
	'academy agency analytics apps arts audio auto base bench blog books box brands builder ' +
	'cafe camp care cart central chef clinic club coach coder collective craft crew daily ' +
	'deals design desk digest direct dojo engine expert factory farm finance fitness flow ' +
	'forge forum foundry garden gear geek guide guru hacks health hive hq hub insider journal ' +
	'kitchen lab labs land lane law leads life line link lodge logic loop mag maker marketing ' +
	'media mind motors nest net network news notes office outlet pages partners path pixel ' +
	'planet point post press pulse quest radar ranker realty report review reviews scout ' +
	'script search seo shop site sky slate solutions source space sphere spot stack station ' +
	'studio supply systems talk team tech times tips tools trail trends tribe ventures view ' +
	'vision vault wave web wiki works world zone'
).split(' ');

// Weighted like a real backlink index: .com dominates, then a long tail of generic and ccTLDs.
export const TLDS: readonly (readonly [string, number])[] = [
	['com', 52],
	['net', 7],
	['org', 7],
	['io', 3],
	['co', 2],
	['info', 2],
	['de', 3],
	['co.uk', 3],
	['fr', 2],
	['ru', 2],
	['in', 2],
	['com.au', 1.5],
	['ca', 1.5],
	['nl', 1.2],
	['it', 1.2],
	['es', 1.2],
	['ir', 0.8],
	['pl', 1],
	['com.br', 1],
	['jp', 0.8],
	['blog', 0.5],
	['online', 0.7],
	['xyz', 0.8],
	['site', 0.5],
	['us', 0.7],
	['me', 0.6],
];

/**
 * Draws one candidate name. Uniqueness is the caller's job (it retries with a new rng), which keeps
 * this function pure and lets grow() continue the same sequence.
 */
export function drawDomainName(rng: Rng): string {
	const first = rng.pick(FIRST);
	let second = rng.pick(SECOND);
	while (second === first) second = rng.pick(SECOND);
	const joiner = rng.next() < 0.12 ? '-' : '';
	// A numeric suffix shows up on a minority of real domains (seo24, web2) and widens the name space.
	const digits = rng.next() < 0.18 ? String(rng.int(1, 99)) : '';
	const tld = rng.weighted(TLDS);
	// Some referring "domains" in DataForSEO output are www hosts (www.xroxy.com in the docs).
	const www = rng.next() < 0.14 ? 'www.' : '';
	return `${www}${first}${joiner}${second}${digits}.${tld}`;
}

const TWO_LABEL_TLDS = new Set(TLDS.map(([tld]) => tld).filter((tld) => tld.includes('.')));

/** The tld key used in referring_links_tld (DataForSEO reports the public suffix, e.g. "co.uk"). */
export function tldOf(host: string): string {
	const last = host.lastIndexOf('.');
	const before = host.lastIndexOf('.', last - 1);
	const two = host.slice(before + 1);
	return before >= 0 && TWO_LABEL_TLDS.has(two) ? two : host.slice(last + 1);
}
