// The digest area's public API (what the pipeline, scheduler, CLI and web call).
export { buildDigest, type DigestOptions } from './build.ts';
export { renderDigestHtml, type HtmlOptions } from './render-html.ts';
export { renderDigestText } from './render-text.ts';
export { writeDigest, getStoredDigest, listStoredDigests, digestFileStem, type WriteDigestOptions, type WrittenDigest, type StoredDigest } from './write.ts';
export { queueDigestMail, digestMessageId, digestSubject } from './mail.ts';
export { runDailyDigest, scheduledDigestDay } from './daily.ts';
export { todayJalali, parseJalaliDay, formatDay, jalaliDayRange, addJalaliMonth } from './jalali.ts';
export { registerDigestCommands } from './cli.ts';
export type * from './model.ts';
