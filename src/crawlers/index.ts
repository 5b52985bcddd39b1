// The crawler's public face for the pipeline.
export { crawlCycle, DEFAULT_USER_AGENT, type CrawlOptions, type CrawlReport, type FetchedPage, type SourceReport } from './cycle.ts';
export { FetchError, type FetchErrorKind } from './errors.ts';
export type { FeedItem } from './feeds.ts';
export { intervalFor, dueSources, nonOverlapping } from './schedule.ts';
export { canonicalUrl } from './canonical-url.ts';
export { createProgress, type Progress } from './progress.ts';
