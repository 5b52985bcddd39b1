// CLI: `kaghaz digest`, `kaghaz alerts send`, `kaghaz alerts list`. Actions set process.exitCode.
import type { Command } from 'commander';
import { openContext, resolveProfile, resolveSources } from '../context.ts';
import { createMailer } from '../alerts/mailer.ts';
import { deliverQueued, listMail } from '../alerts/queue.ts';
import { formatDay, parseJalaliDay, todayJalali } from './jalali.ts';
import { getStoredDigest, writeDigest } from './write.ts';

interface DigestFlags {
  date?: string;
  city?: string;
  profile?: string;
  email?: boolean;
  pdf?: boolean;
  stored?: boolean;
}

function fail(message: string): void {
  console.error(`kaghaz: ${message}`);
  process.exitCode = 1;
}

export function registerDigestCommands(program: Command): void {
  program
    .command('digest')
    .description('write the daily «کاغذ اخبار» for a Jalali day (HTML, text, PDF under <data>/digests) and optionally e-mail it')
    .option('--date <jalali>', 'Jalali day, e.g. 1405/09/01 (default: today in Tehran)')
    .option('--city <name>', 'profile to use (config/profiles/<name>.json)')
    .option('--profile <file>', 'profile file instead of --city')
    .option('--email', 'queue the digest for the profile\'s digest recipients and deliver (SMTP_URL, else <data>/outbox)')
    .option('--no-pdf', 'skip the PDF (Chromium)')
    .option('--stored', 'print the stored text of that day instead of rebuilding it')
    .action(async (flags: DigestFlags) => {
      let day: string;
      try {
        day = flags.date ? formatDay(parseJalaliDay(flags.date)) : todayJalali();
      } catch (e) {
        return fail(`--date: ${(e as Error).message}`);
      }
      const ctx = openContext();
      try {
        const profile = resolveProfile(ctx.paths, { city: flags.city, profile: flags.profile });
        if (flags.stored) {
          const s = getStoredDigest(ctx.db, profile.city, day);
          if (!s) return fail(`no stored digest for ${profile.city} ${day}; run "kaghaz digest --date ${day}" to build it`);
          process.stdout.write(s.text);
          return;
        }
        const sources = resolveSources(ctx.paths).sources;
        const r = await writeDigest(ctx.dataDir, ctx.db, { profile, sources, day, pdf: flags.pdf !== false, email: flags.email });
        const t = r.totals;
        console.log(`digest ${r.day} (${profile.city}, issue ${r.issue ?? 'archive'}): ${t.articles} articles, ${t.criticalClusters} critical items, ${t.outlets} outlets, ${t.ownReprints} reprints of ${t.ownReleases} own releases`);
        console.log(`  html: ${r.htmlPath}`);
        console.log(`  text: ${r.textPath}`);
        console.log(r.pdfPath ? `  pdf:  ${r.pdfPath}` : `  ${r.pdfNote}`);
        if (r.email) {
          const d = r.email.delivery;
          console.log(`  email: ${r.email.queued ? 'queued' : 'already queued before or no digest recipients'}; sent ${d.sent.length}, failed ${d.failed.length}, pending ${d.pending}`);
          for (const f of d.failed) console.error(`  not sent yet ${f.id}: ${f.error} (next try ${f.nextAttemptAt})`);
          if (d.failed.length) process.exitCode = 1;
        }
      } catch (e) {
        fail((e as Error).message);
      } finally {
        ctx.close();
      }
    });

  const alerts = program.command('alerts').description('critical-item e-mail alerts and the mail queue');

  alerts
    .command('send')
    .description('deliver queued mail that is due (SMTP_URL, else <data>/outbox); failures stay queued with backoff')
    .action(async () => {
      const ctx = openContext();
      const mailer = createMailer(process.env, ctx.dataDir);
      try {
        const r = await deliverQueued(ctx.db, mailer, new Date());
        console.log(`via ${mailer.kind} ${mailer.target}: sent ${r.sent.length}, failed ${r.failed.length}, still pending ${r.pending}${r.stoppedEarly ? ' (server unreachable; stopped early)' : ''}`);
        for (const f of r.failed) console.error(`  not sent yet ${f.id}: ${f.error} (next try ${f.nextAttemptAt})`);
        if (r.failed.length) process.exitCode = 1;
      } catch (e) {
        fail((e as Error).message);
      } finally {
        mailer.close();
        ctx.close();
      }
    });

  alerts
    .command('list')
    .description('show the mail queue, newest first')
    .option('--status <status>', 'pending or sent')
    .option('--limit <n>', 'rows to show', '50')
    .option('--json', 'print JSON')
    .action((flags: { status?: string; limit: string; json?: boolean }) => {
      if (flags.status && flags.status !== 'pending' && flags.status !== 'sent') return fail('--status must be "pending" or "sent"');
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit <= 0) return fail('--limit must be a positive whole number');
      const ctx = openContext();
      try {
        const rows = listMail(ctx.db, { status: flags.status as 'pending' | 'sent' | undefined, limit });
        if (flags.json) {
          console.log(JSON.stringify(rows.map(({ html: _h, text: _t, ...r }) => r), null, 2));
          return;
        }
        if (rows.length === 0) console.log('mail queue is empty');
        for (const m of rows) {
          const when = m.status === 'sent' ? `sent ${m.sentAt}` : `due ${m.nextAttemptAt > m.notBefore ? m.nextAttemptAt : m.notBefore}`;
          console.log(`${m.status.padEnd(7)} ${m.kind.padEnd(8)} ${when}  tries ${m.attempts}  to ${m.recipients.join(',')}`);
          console.log(`        ${m.subject}`);
          if (m.lastError && m.status === 'pending') console.log(`        last error: ${m.lastError}`);
        }
      } finally {
        ctx.close();
      }
    });
}
