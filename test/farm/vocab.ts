// Vocabulary for the synthetic outlets: city names, officials, places, outlet names.
// Every person named here is invented; no name belongs to a real official.

export type FarmCity = 'tabriz' | 'tehran' | 'mashhad' | 'shiraz';
export const FARM_CITIES: readonly FarmCity[] = ['tabriz', 'tehran', 'mashhad', 'shiraz'];

export interface CityVocab {
  id: FarmCity;
  /** «تبریز» */
  fa: string;
  provinceFa: string;
  /** «استانداری آذربایجان شرقی» */
  governorate: string;
  /** Invented mayor: full name and surname used in running text. */
  mayor: { name: string; surname: string };
  /** Invented city-council members (critics in 'critical' stories). */
  councilMembers: string[];
  districts: number;
  subsidiaries: {
    bus: string;
    metro: string;
    parks: string;
    waste: string;
    fire: string;
  };
  places: string[];
  metroStations: string[];
  /** Football club named after or based in the city: a classic false mention. */
  club: string;
  stadium: string;
  railway: string;
  weatherOffice: string;
  environmentOffice: string;
  waterCompany: string;
}

const sub = (city: string) => ({
  bus: `سازمان اتوبوسرانی ${city}`,
  metro: `سازمان قطار شهری ${city}`,
  parks: `سازمان پارک‌ها و فضای سبز شهرداری ${city}`,
  waste: `سازمان مدیریت پسماند شهرداری ${city}`,
  fire: `سازمان آتش‌نشانی و خدمات ایمنی شهرداری ${city}`,
});

export const CITIES: Record<FarmCity, CityVocab> = {
  tabriz: {
    id: 'tabriz',
    fa: 'تبریز',
    provinceFa: 'آذربایجان شرقی',
    governorate: 'استانداری آذربایجان شرقی',
    mayor: { name: 'رحیم صادقیان', surname: 'صادقیان' },
    councilMembers: ['پرویز نیک‌اندیش', 'سیمین آقاجانی', 'کامران شیرازی‌نژاد'],
    districts: 10,
    subsidiaries: sub('تبریز'),
    places: ['خیابان امام', 'میدان ساعت', 'ائل‌گلی', 'باغمیشه', 'کوی ولیعصر', 'رشدیه', 'خیابان منصور', 'بازار تبریز', 'میدان جهاد', 'جاده ائل‌گلی'],
    metroStations: ['ایستگاه میدان ساعت', 'ایستگاه دانشسرا', 'ایستگاه قونقا', 'ایستگاه آبرسان', 'ایستگاه شهید بهشتی'],
    club: 'تیم فوتبال تراکتور',
    stadium: 'ورزشگاه یادگار امام',
    railway: 'اداره کل راه‌آهن آذربایجان',
    weatherOffice: 'اداره کل هواشناسی آذربایجان شرقی',
    environmentOffice: 'اداره کل حفاظت محیط زیست آذربایجان شرقی',
    waterCompany: 'شرکت آب و فاضلاب استان آذربایجان شرقی',
  },
  tehran: {
    id: 'tehran',
    fa: 'تهران',
    provinceFa: 'تهران',
    governorate: 'استانداری تهران',
    mayor: { name: 'مسعود کریم‌زاده', surname: 'کریم‌زاده' },
    councilMembers: ['فرزانه طالقانی‌پور', 'مهدی اسکویی', 'بهروز رهنمافر'],
    districts: 22,
    subsidiaries: sub('تهران'),
    places: ['میدان آزادی', 'تجریش', 'نارمک', 'خیابان ولیعصر', 'میدان انقلاب', 'شهرری', 'بزرگراه همت', 'پارک لاله', 'میدان تیر'],
    metroStations: ['ایستگاه میدان صنعت', 'ایستگاه شهید بهشتی', 'ایستگاه دروازه دولت', 'ایستگاه تئاتر شهر', 'ایستگاه نواب'],
    club: 'باشگاه استقلال',
    stadium: 'ورزشگاه آزادی',
    railway: 'اداره کل راه‌آهن تهران',
    weatherOffice: 'اداره کل هواشناسی استان تهران',
    environmentOffice: 'اداره کل حفاظت محیط زیست استان تهران',
    waterCompany: 'شرکت آب و فاضلاب استان تهران',
  },
  mashhad: {
    id: 'mashhad',
    fa: 'مشهد',
    provinceFa: 'خراسان رضوی',
    governorate: 'استانداری خراسان رضوی',
    mayor: { name: 'حسن طاهرخانی', surname: 'طاهرخانی' },
    councilMembers: ['زهره سبزواری', 'علی‌اکبر قوچانی‌فر', 'نادر توسلی'],
    districts: 13,
    subsidiaries: sub('مشهد'),
    places: ['وکیل‌آباد', 'قاسم‌آباد', 'میدان شهدا', 'بلوار سجاد', 'طرقبه', 'بلوار فردوسی', 'کوی طلاب', 'میدان جانباز'],
    metroStations: ['ایستگاه میدان جانباز', 'ایستگاه فلسطین', 'ایستگاه کوهسنگی', 'ایستگاه بلوار معلم', 'ایستگاه قائم'],
    club: 'باشگاه فوتبال پدیده',
    stadium: 'ورزشگاه امام رضا',
    railway: 'اداره کل راه‌آهن خراسان',
    weatherOffice: 'اداره کل هواشناسی خراسان رضوی',
    environmentOffice: 'اداره کل حفاظت محیط زیست خراسان رضوی',
    waterCompany: 'شرکت آب و فاضلاب مشهد',
  },
  shiraz: {
    id: 'shiraz',
    fa: 'شیراز',
    provinceFa: 'فارس',
    governorate: 'استانداری فارس',
    mayor: { name: 'محمدرضا فرهمند', surname: 'فرهمند' },
    councilMembers: ['لیلا کازرونی', 'حمید دشتی‌زاده', 'منصور آریان‌فر'],
    districts: 11,
    subsidiaries: sub('شیراز'),
    places: ['حافظیه', 'معالی‌آباد', 'دروازه قرآن', 'قصردشت', 'بلوار چمران', 'میدان نمازی', 'خیابان زند', 'صدرا'],
    metroStations: ['ایستگاه میدان نمازی', 'ایستگاه زرهی', 'ایستگاه شهید دستغیب', 'ایستگاه احمدی', 'ایستگاه ستارخان'],
    club: 'باشگاه فجر سپاسی',
    stadium: 'ورزشگاه پارس',
    railway: 'اداره کل راه‌آهن فارس',
    weatherOffice: 'اداره کل هواشناسی فارس',
    environmentOffice: 'اداره کل حفاظت محیط زیست فارس',
    waterCompany: 'شرکت آب و فاضلاب شیراز',
  },
};

/** Cities whose municipality appears in 'other-city' stories (never the monitored city). */
export const OTHER_CITIES = ['اصفهان', 'کرج', 'اهواز', 'قم', 'کرمانشاه', 'ارومیه', 'رشت', 'زنجان', 'اردبیل', 'یزد'];

/** Outlet names (invented) used in «به گزارش خبرنگار …» boilerplate and page headers. */
export const OUTLET_NAMES: { fa: string; en: string }[] = [
  { fa: 'خبرگزاری آوای شهر', en: 'avaye-shahr' },
  { fa: 'پایگاه خبری نگاه امروز', en: 'negah-emrooz' },
  { fa: 'روزنامه صبح آزادگان', en: 'sobh-azadegan' },
  { fa: 'خبرگزاری پیک ایران', en: 'peyk-iran' },
  { fa: 'پایگاه خبری سپیده‌دم', en: 'sepidedam' },
  { fa: 'روزنامه فردای روشن', en: 'fardaye-roshan' },
  { fa: 'خبرگزاری کوهسار', en: 'koohsar' },
  { fa: 'پایگاه خبری دیار ما', en: 'diyar-ma' },
  { fa: 'روزنامه پیام مردم', en: 'payam-mardom' },
  { fa: 'خبرگزاری رود', en: 'rood' },
  { fa: 'پایگاه خبری چشم‌انداز', en: 'cheshmandaz' },
  { fa: 'روزنامه ندای شمال‌غرب', en: 'nedaye-shomalgharb' },
  { fa: 'خبرگزاری افق نو', en: 'ofogh-no' },
  { fa: 'پایگاه خبری شهرنگار', en: 'shahrnegar' },
  { fa: 'روزنامه سپهر', en: 'sepehr' },
  { fa: 'خبرگزاری نسیم صبا', en: 'nasim-saba' },
];

/** Word swaps a republishing outlet makes; both sides are ordinary newsroom Persian. */
export const SYNONYMS: [string, string][] = [
  ['بیان کرد', 'گفت'],
  ['افزود', 'اضافه کرد'],
  ['اظهار داشت', 'عنوان کرد'],
  ['اجرا شد', 'انجام شد'],
  ['همچنین', 'علاوه بر این'],
  ['در حال حاضر', 'هم‌اکنون'],
  ['به زودی', 'به‌زودی'],
  ['شهروندان', 'مردم'],
  ['پروژه', 'طرح'],
  ['تاکنون', 'تا امروز'],
];
