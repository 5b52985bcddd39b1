// Persian labels for the config enums the digest and alerts show.
import type { EntityKind, Severity } from '../article.ts';
import type { Source } from '../config.ts';

export const OUTLET_TYPE_FA: Record<Source['type'], string> = {
  agency: 'خبرگزاری',
  newspaper: 'روزنامه',
  site: 'پایگاه خبری',
  broadcaster: 'صداوسیما و رادیو',
  aggregator: 'خبرخوان',
};

export const SCOPE_FA: Record<Source['scope'], string> = {
  national: 'سراسری',
  provincial: 'استانی',
  local: 'محلی',
};

export const PROVINCE_FA: Record<NonNullable<Source['province']>, string> = {
  alborz: 'البرز', ardabil: 'اردبیل', bushehr: 'بوشهر', 'chaharmahal-bakhtiari': 'چهارمحال و بختیاری',
  'east-azerbaijan': 'آذربایجان شرقی', fars: 'فارس', gilan: 'گیلان', golestan: 'گلستان', hamadan: 'همدان',
  hormozgan: 'هرمزگان', ilam: 'ایلام', isfahan: 'اصفهان', kerman: 'کرمان', kermanshah: 'کرمانشاه',
  'khorasan-north': 'خراسان شمالی', 'khorasan-razavi': 'خراسان رضوی', 'khorasan-south': 'خراسان جنوبی',
  khuzestan: 'خوزستان', 'kohgiluyeh-boyerahmad': 'کهگیلویه و بویراحمد', kurdistan: 'کردستان',
  lorestan: 'لرستان', markazi: 'مرکزی', mazandaran: 'مازندران', qazvin: 'قزوین', qom: 'قم', semnan: 'سمنان',
  'sistan-baluchestan': 'سیستان و بلوچستان', tehran: 'تهران', 'west-azerbaijan': 'آذربایجان غربی',
  yazd: 'یزد', zanjan: 'زنجان',
};

export const NO_PROVINCE_FA = 'سراسری (بدون استان)';

export const SEVERITY_FA: Record<Severity, string> = {
  none: 'بدون انتقاد',
  low: 'کم',
  medium: 'متوسط',
  high: 'شدید',
};

export const SEVERITY_RANK: Record<Severity, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** Which mention names the topic of an item: the most specific entity wins. */
export const KIND_PRIORITY: Record<EntityKind, number> = {
  mayor: 0,
  official: 1,
  district: 2,
  subsidiary: 3,
  municipality: 4,
  related: 5,
};

export const UNKNOWN_DATE_FA = 'تاریخ نامعلوم';
export const UNKNOWN_OUTLET_FA = 'رسانهٔ ناشناس';
