// The plain-text «کاغذ اخبار»: the e-mail's text part and the .txt file. Same content and
// order as the HTML, no markup; fields are flattened to one line so a hostile newline in a
// headline cannot forge a section.
import type { Digest } from './model.ts';
import { oneLine } from './escape.ts';
import { faDigits } from './jalali.ts';

const n = (v: number) => faDigits(v);
const RULE = '─'.repeat(40);

export function renderDigestText(d: Digest): string {
  const t = d.totals;
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  line(`کاغذ اخبار — مرور رسانه‌ای روزانهٔ شهرداری ${d.cityFa}`);
  line(`${d.issue === null ? 'شمارهٔ بایگانی' : `شمارهٔ ${n(d.issue)}`} — ${d.weekdayFa} ${d.dayFa} (${d.gregorian})`);
  line(RULE);
  line('خلاصه');
  line(`• ${n(t.articles)} خبر دربارهٔ شهرداری از ${n(t.outlets)} رسانه`);
  line(`• ${n(t.criticalClusters)} مورد انتقادی (${n(t.critical)} خبر)`);
  line(`• ${n(t.ownReprints)} بازنشر از ${n(t.ownReleases)} خبر شهرداری`);
  if (t.unknownDate) line(`• ${n(t.unknownDate)} خبر بدون تاریخ انتشار (تاریخ نامعلوم)`);
  if (d.topStories.length) {
    line('مهم‌ترین خبرها:');
    d.topStories.forEach((s, i) => line(`  ${n(i + 1)}. ${oneLine(s.original.title)} — ${s.original.outletFa}، بازتاب ${n(s.reach)} رسانه`));
  }
  line();
  line(RULE);
  line('موارد انتقادی');
  if (d.critical.length === 0) line('امروز مورد انتقادی یافت نشد.');
  d.critical.forEach((c, i) => {
    line();
    line(`${n(i + 1)}. [شدت: ${c.severityFa}] ${oneLine(c.article.title)}`);
    line(`   ${c.article.outletFa} · ${c.article.timeFa} · بازتاب ${n(c.reach)} رسانه`);
    if (c.lead) line(`   ${oneLine(c.lead)}`);
    for (const s of c.evidence) line(`   «${oneLine(s)}»`);
    line(`   مهلت جوابیه (مادهٔ ۲۳ قانون مطبوعات): ${c.deadlineFa}${c.deadlineApprox ? ' (تقریبی؛ تاریخ انتشار نامعلوم)' : ''}`);
    if (c.carriers.length) line(`   بازنشر در: ${c.carriers.map((r) => r.outletFa).join('، ')}`);
    line(`   ${oneLine(c.article.url)}`);
  });
  line();
  line(RULE);
  line('اخبار شهرداری به تفکیک موضوع');
  for (const g of d.groups) {
    line();
    line(`■ ${oneLine(g.topic)} (${n(g.articles)} خبر)`);
    for (const s of g.clusters) {
      line(`  ${s.critical ? '● ' : '- '}${oneLine(s.original.title)}`);
      line(`    ${s.original.outletFa} · ${s.original.day === d.day || !s.original.dateKnown ? '' : faDigits(s.original.day) + ' '}${s.original.timeFa} · بازتاب ${n(s.reach)} · بازنشر ${n(s.reprints)} · امروز ${n(s.today)}`);
    }
  }
  line();
  line(RULE);
  line('بازنشر خبرهای شهرداری');
  if (d.pickups.length === 0) line('امروز خبری از رسانه‌های شهرداری در این فهرست نیست.');
  for (const p of d.pickups) {
    line(`- ${oneLine(p.title)} (${p.original.outletFa}، ${faDigits(p.original.day)}): ${n(p.reprints)} بازنشر، امروز ${n(p.newToday)}${p.reprintedByFa.length ? ` — ${p.reprintedByFa.join('، ')}` : ''}`);
  }
  line();
  line(RULE);
  line('پوشش به تفکیک نوع رسانه');
  for (const r of d.coverage.byType) line(`- ${r.labelFa}: ${n(r.articles)} خبر از ${n(r.outlets)} رسانه`);
  line('پوشش به تفکیک گستره');
  for (const r of d.coverage.byScope) line(`- ${r.labelFa}: ${n(r.articles)} خبر از ${n(r.outlets)} رسانه`);
  line('پوشش به تفکیک استان');
  for (const r of d.coverage.byProvince) line(`- ${r.labelFa}: ${n(r.articles)} خبر از ${n(r.outlets)} رسانه`);
  line();
  line(RULE);
  line('روند ۱۴ روز (خبر / انتقادی)');
  line(d.trend.map((p) => `${faDigits(p.day.slice(5))}: ${n(p.mentioned)}/${n(p.critical)}`).join(' · '));
  line();
  return out.join('\n');
}
