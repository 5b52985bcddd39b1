// Persian labels for outlet types and provinces: shown in the search page, and accepted in
// queries (type:خبرگزاری, province:آذربایجان‌شرقی) besides the config ids.
import { OUTLET_TYPES, PROVINCES } from '../config.ts';
import { matchKey } from '../normalize/index.ts';

export const TYPE_LABELS: Record<(typeof OUTLET_TYPES)[number], string> = {
  agency: 'خبرگزاری',
  newspaper: 'روزنامه',
  site: 'پایگاه خبری',
  broadcaster: 'صداوسیما',
  aggregator: 'خبرخوان',
};

export const PROVINCE_LABELS: Record<(typeof PROVINCES)[number], string> = {
  alborz: 'البرز',
  ardabil: 'اردبیل',
  bushehr: 'بوشهر',
  'chaharmahal-bakhtiari': 'چهارمحال و بختیاری',
  'east-azerbaijan': 'آذربایجان شرقی',
  fars: 'فارس',
  gilan: 'گیلان',
  golestan: 'گلستان',
  hamadan: 'همدان',
  hormozgan: 'هرمزگان',
  ilam: 'ایلام',
  isfahan: 'اصفهان',
  kerman: 'کرمان',
  kermanshah: 'کرمانشاه',
  'khorasan-north': 'خراسان شمالی',
  'khorasan-razavi': 'خراسان رضوی',
  'khorasan-south': 'خراسان جنوبی',
  khuzestan: 'خوزستان',
  'kohgiluyeh-boyerahmad': 'کهگیلویه و بویراحمد',
  kurdistan: 'کردستان',
  lorestan: 'لرستان',
  markazi: 'مرکزی',
  mazandaran: 'مازندران',
  qazvin: 'قزوین',
  qom: 'قم',
  semnan: 'سمنان',
  'sistan-baluchestan': 'سیستان و بلوچستان',
  tehran: 'تهران',
  'west-azerbaijan': 'آذربایجان غربی',
  yazd: 'یزد',
  zanjan: 'زنجان',
};

function resolver(labels: Record<string, string>): (value: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const [id, label] of Object.entries(labels)) {
    byKey.set(id, id);
    byKey.set(matchKey(label), id);
    // Editors often drop the spaces: «آذربایجان‌شرقی», «آذربایجانشرقی».
    byKey.set(matchKey(label).replace(/ /g, ''), id);
  }
  return (value) => byKey.get(value.toLowerCase()) ?? byKey.get(matchKey(value)) ?? byKey.get(matchKey(value).replace(/ /g, ''));
}

export const resolveType = resolver(TYPE_LABELS);
export const resolveProvince = resolver(PROVINCE_LABELS);
