// Page furniture shared by the templates: the parts of a news page that are not the article
// (menus, latest/most-visited lists, share bars, comments, footers). Extractors must leave
// all of it out of the body, so it deliberately carries newsy Persian text and headlines.

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Link {
  title: string;
  href: string;
}

export interface Comment {
  author: string;
  date: string;
  text: string;
}

export const MENU = ['صفحه اصلی', 'سیاسی', 'اقتصادی', 'اجتماعی', 'شهری', 'استان‌ها', 'ورزشی', 'فرهنگی', 'عکس', 'ویدئو'];
export const SECTIONS = ['اجتماعی', 'شهری', 'استان‌ها', 'اقتصادی', 'سیاسی', 'ورزشی'];

const COMMENT_TEXTS = [
  'چرا شهرداری به مشکلات محله ما رسیدگی نمی‌کند؟ خیابان ما ماه‌هاست خاکی مانده است.',
  'دست مریزاد، کار خوبی است؛ امیدواریم ادامه داشته باشد.',
  'این خبرها فقط روی کاغذ است، در عمل چیزی نمی‌بینیم.',
  'لطفاً درباره وضعیت پارکینگ‌های محله هم گزارش تهیه کنید.',
  'مسئولان باید پاسخگوی هزینه‌هایی باشند که از جیب مردم رفته است.',
  'خیلی خوب بود، ممنون از خبرنگار شما.',
  'اتوبوس‌های خط ما همیشه دیر می‌آیند، کسی پیگیری نمی‌کند.',
];
const COMMENT_AUTHORS = ['ناشناس', 'رضا', 'مریم', 'شهروند', 'علی از ائل‌گلی', 'یک راننده', 'زهرا'];

/** Two or three reader comments: opinions about the city that are not the article. */
export function commentsFor(seed: number, date: string): Comment[] {
  const n = 2 + (seed % 2);
  return Array.from({ length: n }, (_, i) => ({
    author: COMMENT_AUTHORS[(seed + i * 3) % COMMENT_AUTHORS.length],
    date,
    text: COMMENT_TEXTS[(seed + i * 5) % COMMENT_TEXTS.length],
  }));
}

export function linkList(items: Link[]): string {
  return items.map((l) => `<li><a href="${esc(l.href)}">${esc(l.title)}</a></li>`).join('');
}

export const SHARE_LABELS = ['اشتراک‌گذاری', 'تلگرام', 'واتساپ', 'ایتا', 'بله', 'توییتر', 'نسخه چاپی', 'لینک کوتاه'];

export function footerText(nameFa: string): string {
  return `کلیه حقوق این سایت متعلق به ${nameFa} است و استفاده از مطالب با ذکر منبع بلامانع است. نشانی: خیابان آزادی، کوچه بهار، پلاک ۱۲ | تلفن تماس: ۰۴۱-۳۳۳۳۴۴۴۴`;
}

export const TICKER = 'خبر فوری: جلسه شورای شهر امروز ساعت ۱۶ برگزار می‌شود';
