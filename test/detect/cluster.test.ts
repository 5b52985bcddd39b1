import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchKey } from '../../src/normalize/index.ts';
import { openMemoryDb } from '../../src/store/db.ts';
import { ClusterIndex, MemoryClusterIndex, clusterBatch, type ClusterInput } from '../../src/detect/cluster.ts';

// A press release of the municipality, in three paragraphs (written for this test).
const P1 =
  'شهردار تبریز صبح امروز در آیین افتتاح تقاطع غیرهمسطح میدان فهمیده گفت این پروژه با اعتباری بالغ بر دو هزار میلیارد ریال و در مدت هجده ماه ساخته شده است. ' +
  'وی افزود با بهره‌برداری از این تقاطع، زمان سفر از شرق به مرکز شهر در ساعات اوج ترافیک تا بیست دقیقه کاهش می‌یابد.';
const P2 =
  'معاون فنی و عمرانی شهرداری تبریز نیز در این مراسم توضیح داد که طول عرشه پل ششصد متر است و دو رمپ دسترسی به بلوار ائل‌گلی و خیابان آزادی دارد. ' +
  'به گفته او، در ساخت این پروژه از تیرهای پیش‌ساخته بتنی استفاده شده تا کارگاه کمترین مزاحمت را برای کسبه اطراف داشته باشد.';
const P3 =
  'عضو کمیسیون عمران شورای شهر هم با اشاره به همکاری پیمانکاران بومی گفت سه پروژه مشابه دیگر در محورهای جنوبی و غربی شهر تا پایان سال آینده تکمیل خواهد شد. ' +
  'هزینه نگهداری سالانه تقاطع از محل درآمدهای پایدار شهرداری تامین می‌شود و روشنایی آن با پنل‌های خورشیدی تامین خواهد شد.';

const ORIGINAL = [P1, P2, P3].join('\n\n');

function item(id: string, sourceId: string, title: string, body: string, publishedAt: string | null, fetchedAt = '2024-05-01T10:00:00Z'): ClusterInput {
  return { id, sourceId, publishedAt, fetchedAt, textKey: matchKey(body), titleKey: matchKey(title) };
}

const original = item('orig', 'tabriz-municipality', 'افتتاح تقاطع غیرهمسطح میدان فهمیده', ORIGINAL, '2024-05-01T08:00:00Z');
const reprintBoilerplate = item(
  'copy-boiler',
  'isna',
  'کاهش ۲۰ دقیقه‌ای زمان سفر با تقاطع جدید تبریز',
  'به گزارش خبرنگار ایسنا از تبریز، ' + ORIGINAL + '\n\nانتهای پیام',
  '2024-05-01T09:10:00Z',
);
const sentencesOf = (p: string) => p.split(/(?<=\.)\s+/);
const reordered = item(
  'copy-reordered',
  'asrtabriz',
  'تقاطع فهمیده افتتاح شد',
  [...sentencesOf(P2).reverse(), ...sentencesOf(P1), ...sentencesOf(P3)].join(' '),
  '2024-05-01T11:00:00Z',
);
const dropped = item('copy-dropped', 'mehrtabriz', 'بهره‌برداری از تقاطع فهمیده', 'به گزارش مهر، ' + [P1, P2].join('\n\n'), '2024-05-02T07:00:00Z');
const arabicLetters = item('copy-arabic', 'azariha', 'افتتاح تقاطع', ORIGINAL.replace(/ی/g, 'ي').replace(/ک/g, 'ك').replace(/\u200c/g, ' '), '2024-05-01T12:00:00Z');

// The same event written up independently: shares the topic and names, not the text.
const sameEventOtherStory = item(
  'other-story',
  'tabrizebidar',
  'گزارش میدانی از تقاطع تازه',
  'خبرنگار ما ساعتی پس از گشایش پل میدان فهمیده به محل رفت. رانندگان تاکسی خط آزادی می‌گفتند هنوز زود است درباره ترافیک قضاوت کنیم و صف خودروها در ساعت هفت عصر تا نزدیک بیمارستان امام رسیده بود. ' +
    'یکی از مغازه‌داران قدیمی خیابان که سی سال در این محله کار کرده می‌گوید دو سال گرد و خاک کارگاه مشتری‌هایش را فراری داد و امیدوار است حالا رونق بازگردد. ' +
    'شماری از عابران هم از نبود پل عابر پیاده در ضلع شمالی میدان گله داشتند و می‌گفتند عبور از عرض بلوار با کودکان دشوار است.',
  '2024-05-01T18:00:00Z',
);
const unrelated = item(
  'unrelated',
  'isna',
  'برگزاری جشنواره کتاب کودک',
  'جشنواره کتاب کودک و نوجوان با حضور ناشران استان در نمایشگاه بین‌المللی برگزار شد و تا پایان هفته برای بازدید عموم باز است. دبیر جشنواره گفت امسال بیش از سیصد عنوان کتاب تازه به نمایش گذاشته شده و کارگاه‌های قصه‌گویی برای کودکان برپاست.',
  '2024-05-01T09:00:00Z',
);

test('reprints with boilerplate, new headlines, reordered sentences, Arabic letters and a dropped paragraph join the original', () => {
  const index = new MemoryClusterIndex({ preferredSources: ['tabriz-municipality'] });
  const first = index.assign(original);
  assert.equal(first.isNew, true);
  assert.equal(first.clusterId, 'orig');
  for (const copy of [reprintBoilerplate, reordered, dropped, arabicLetters]) {
    const r = index.assign(copy);
    assert.equal(r.clusterId, 'orig', `${copy.id} should join the original's cluster`);
    assert.equal(r.isNew, false);
  }
  const info = index.clusterInfo('orig')!;
  assert.equal(info.count, 5);
  assert.equal(info.originalId, 'orig');
  assert.deepEqual(info.outlets, ['asrtabriz', 'azariha', 'isna', 'mehrtabriz', 'tabriz-municipality']);
});

test('a different story on the same event, and an unrelated story, stay apart', () => {
  const { assignments } = clusterBatch([original, reprintBoilerplate, sameEventOtherStory, unrelated]);
  assert.equal(assignments.get('copy-boiler'), 'orig');
  assert.equal(assignments.get('other-story'), 'other-story');
  assert.equal(assignments.get('unrelated'), 'unrelated');
});

test('the original is the earliest copy unless the municipality\'s own outlet carried it', () => {
  const earlyAgency = { ...reprintBoilerplate, id: 'early', publishedAt: '2024-05-01T07:00:00Z' };
  const a = new MemoryClusterIndex();
  a.assign(original);
  a.assign(earlyAgency);
  assert.equal(a.clusterInfo('orig')!.originalId, 'early');
  const b = new MemoryClusterIndex({ preferredSources: ['tabriz-municipality'] });
  b.assign(earlyAgency);
  b.assign(original);
  assert.equal(b.clusterInfo('early')!.originalId, 'orig');
  // Unknown publication dates fall back to the fetch time.
  const c = new MemoryClusterIndex();
  c.assign({ ...original, publishedAt: null, fetchedAt: '2024-05-03T00:00:00Z' });
  c.assign({ ...dropped, publishedAt: null, fetchedAt: '2024-05-02T00:00:00Z' });
  assert.equal(c.clusterInfo('orig')!.originalId, 'copy-dropped');
});

test('clustering is incremental across two ClusterIndex instances on one database', () => {
  const db = openMemoryDb();
  const first = new ClusterIndex(db);
  assert.deepEqual(first.assign(original), { clusterId: 'orig', isNew: true });
  assert.deepEqual(first.assign(unrelated), { clusterId: 'unrelated', isNew: true });
  // Next crawl cycle: a new instance over the same database.
  const second = new ClusterIndex(db, { preferredSources: ['tabriz-municipality'] });
  assert.deepEqual(second.assign(reordered), { clusterId: 'orig', isNew: false });
  assert.deepEqual(second.assign(dropped), { clusterId: 'orig', isNew: false });
  // Assigning an article twice returns its cluster and adds nothing.
  assert.deepEqual(second.assign(reordered), { clusterId: 'orig', isNew: false });
  const info = second.clusterInfo('orig')!;
  assert.equal(info.count, 3);
  assert.deepEqual(info.articleIds, ['orig', 'copy-reordered', 'copy-dropped']);
  assert.equal(info.originalId, 'orig');
  assert.equal(second.clusterInfo('missing'), undefined);
  db.close();
});

test('an empty article gets its own cluster from its title, and identical titles alone do not merge long texts', () => {
  const index = new MemoryClusterIndex();
  const a = index.assign({ id: 'e1', sourceId: 's', publishedAt: null, fetchedAt: '2024-01-01T00:00:00Z', textKey: '', titleKey: '' });
  assert.deepEqual(a, { clusterId: 'e1', isNew: true });
  const b = index.assign({ ...unrelated, id: 'u2', titleKey: original.titleKey });
  assert.equal(b.clusterId, 'u2');
});

test('the SQLite index and the in-memory index make the same assignments', () => {
  const stream = [original, unrelated, reprintBoilerplate, sameEventOtherStory, reordered, dropped, arabicLetters];
  const db = openMemoryDb();
  const sql = new ClusterIndex(db);
  const mem = new MemoryClusterIndex();
  for (const a of stream) assert.deepEqual(sql.assign(a), mem.assign(a), a.id);
  assert.deepEqual(sql.clusterInfo('orig'), mem.clusterInfo('orig'));
  db.close();
});
