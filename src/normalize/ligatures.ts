// Repair of the lam-alef ligature that PDF text extraction drops: «اسلامی» comes out as «اسامی».
// Two lists, both about whole words:
//   - broken forms that are not Persian words: always repaired («ایحه» → «لایحه»);
//   - broken forms that are also real words: repaired only in a context that decides it
//     («شورای اسامی شهر» → «شورای اسلامی شهر», but «اسامی متخلفان» — "names" — stays).

/** Broken form → repaired form, for broken forms that are not words of their own. */
const ALWAYS: Record<string, string> = {
  میادی: 'میلادی',
  ایحه: 'لایحه',
  ایحه‌ای: 'لایحه‌ای',
  ازم: 'لازم',
  اعام: 'اعلام',
  انقاب: 'انقلاب',
  انقابی: 'انقلابی',
  اطاعات: 'اطلاعات',
  اطاعیه: 'اطلاعیه',
  اطاع‌رسانی: 'اطلاع‌رسانی',
  بافاصله: 'بلافاصله',
  عاوه: 'علاوه',
  سامت: 'سلامت',
  ماقات: 'ملاقات',
  اصاح: 'اصلاح',
  اصاحات: 'اصلاحات',
  اصاحیه: 'اصلاحیه',
  صاحیت: 'صلاحیت',
  اخاق: 'اخلاق',
  اخاقی: 'اخلاقی',
  اماک: 'املاک',
  کانتری: 'کلانتری',
  مباغ: 'مبالغ',
  باتر: 'بالاتر',
  باترین: 'بالاترین',
  تاش: 'تلاش',
  تاش‌ها: 'تلاش‌ها',
  گایه: 'گلایه',
  گایه‌ها: 'گلایه‌ها',
  ایروبی: 'لایروبی',
  کان‌شهر: 'کلان‌شهر',
  کانشهر: 'کلان‌شهر',
  کان‌شهرها: 'کلان‌شهرها',
  کانشهرها: 'کلان‌شهرها',
  کان‌شهری: 'کلان‌شهری',
};

/** «اسامی» → «اسلامی» after these words (جمهوری اسلامی, شورای اسلامی …). */
const ESLAMI_BEFORE = new Set([
  'جمهوری', 'شورای', 'انقلاب', 'مجلس', 'جامعه', 'امت', 'تمدن', 'حکومت', 'نظام', 'کشورهای', 'جهان',
  'فرهنگ', 'هنر', 'معارف', 'ارشاد', 'تبلیغات', 'اقتصاد', 'بانکداری', 'حجاب', 'پوشش', 'آزاد',
  'دانشگاه', 'وحدت', 'اندیشه', 'فقه', 'عرفان', 'فلسفه', 'تاریخ', 'آداب', 'معماری', 'شهر', 'شهرسازی',
  'ایرانی', 'انقلابی', 'بیداری', 'کشور', 'دولت', 'رژیم', 'دین', 'مذاهب', 'علوم', 'تفکر',
]);
/** «اسامی» → «اسلامی» before these words (اسلامی ایران, اسلامی شهر). */
const ESLAMI_AFTER = new Set(['ایران', 'شهر', 'کشور', 'استان', 'شهرستان']);

// Words: runs of Arabic-script letters with internal ZWNJ.
const WORD_RE = /[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff](?:[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u064b-\u065f]|\u200c(?=[\u0621-\u064a\u0671-\u06d3]))*/g;

function unify(w: string): string {
  return w.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک').replace(/[\u064b-\u065f]/g, '');
}

/** Repairs lost lam-alef ligatures; text with no broken forms is returned unchanged. */
export function repairLigatures(text: string): string {
  const words: { w: string; start: number; end: number }[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    words.push({ w: unify(m[0]), start: m.index, end: m.index + m[0].length });
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < words.length; i++) {
    const { w, start, end } = words[i];
    let fix: string | undefined = Object.hasOwn(ALWAYS, w) ? ALWAYS[w] : undefined;
    if (fix === undefined && (w === 'اسامی' || w === 'اسام')) {
      const prev = i > 0 && gapIsSpace(text, words[i - 1].end, start) ? words[i - 1].w : '';
      const next = i + 1 < words.length && gapIsSpace(text, end, words[i + 1].start) ? words[i + 1].w : '';
      if (ESLAMI_BEFORE.has(prev) || ESLAMI_AFTER.has(next)) fix = w === 'اسامی' ? 'اسلامی' : 'اسلام';
    }
    if (fix === undefined && w === 'کان' && i + 1 < words.length) {
      // «کان شهرها» → «کلان‌شهرها»: «کان» ("was", "mine") is never followed by «شهر…» in prose.
      const next = words[i + 1];
      if (gapIsSpace(text, end, next.start) && /^شهر/.test(next.w)) {
        out += text.slice(last, start) + 'کلان\u200c' + text.slice(next.start, next.end);
        last = next.end;
        i++;
        continue;
      }
    }
    if (fix !== undefined) {
      out += text.slice(last, start) + fix;
      last = end;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

function gapIsSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\u200c' && c !== '\u00a0') return false;
  }
  return to > from;
}
