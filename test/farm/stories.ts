// Story templates: events in a city, each told by one or more distinct stories of a known kind.
// All text here is written for kaghaz's tests; it imitates the register of Persian city news
// (press-release openings, council quotes, citizen complaints) without copying any article.
import type { CityVocab } from './vocab.ts';
import { OTHER_CITIES } from './vocab.ts';
import { type Rng, int, pick, chance, sample } from './rng.ts';

export type FarmArticleKind =
  | 'press-release'
  | 'critical'
  | 'neutral'
  | 'mayor-criticises-other'
  | 'city-not-municipality'
  | 'other-city'
  | 'unrelated';

export const FARM_KINDS: readonly FarmArticleKind[] = [
  'press-release', 'critical', 'neutral', 'mayor-criticises-other', 'city-not-municipality', 'other-city', 'unrelated',
];

/** One story as its first author wrote it, before any outlet edits it. */
export interface StoryDraft {
  kind: FarmArticleKind;
  /** Headlines this story may carry; republishers pick another one. */
  titles: string[];
  kicker?: string;
  lead: string;
  paragraphs: string[];
}

/** Persian digits for a number (text is authored with Persian digits; outlets may change them). */
export const fa = (n: number | string): string => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

interface Ctx {
  c: CityVocab;
  rng: Rng;
  /** «شهرداری تبریز» */
  muni: string;
  /** «شهردار تبریز» */
  mayorTitle: string;
  district: number;
  /** «منطقه ۳ شهرداری تبریز» */
  districtName: string;
  place: string;
  station: string;
  line: number;
}

interface EventTemplate {
  key: string;
  /** true: the stories are different reports on one event; false: alternatives, one is told. */
  sameEvent: boolean;
  /** Stories about this event; the generator tells 1..n of them. */
  stories: ((x: Ctx) => StoryDraft)[];
}

const pr = (x: Ctx) => `به گزارش روابط عمومی ${x.muni}،`;

// Paragraphs any story of a kind may add, to reach 3–8 paragraphs.
const FILLERS: Record<FarmArticleKind, ((x: Ctx) => string)[]> = {
  'press-release': [
    (x) => `${x.mayorTitle} در ادامه از همکاری شهروندان قدردانی کرد و افزود: خدمات شهری بدون مشارکت مردم به نتیجه نمی‌رسد و شهرداری برای شنیدن پیشنهادها آماده است.`,
    (x) => `وی همچنین بیان کرد: برنامه‌های سال جاری بر اساس اولویت‌های محلات تنظیم شده و گزارش پیشرفت کار هر ماه منتشر می‌شود.`,
    (x) => `گفتنی است شهروندان می‌توانند پیشنهادها و شکایات خود را از طریق سامانه ۱۳۷ با ${x.muni} در میان بگذارند.`,
    (x) => `بر اساس این گزارش، عملیات اجرایی با رعایت ضوابط ایمنی و با کمترین اختلال در تردد ${x.place} انجام می‌شود.`,
    (x) => `مدیر ${x.districtName} نیز در این مراسم گفت: اعتبار این طرح از محل درآمدهای پایدار منطقه تأمین شده است.`,
  ],
  critical: [
    (x) => `یکی از ساکنان ${x.place} گفت: چند بار با سامانه ۱۳۷ تماس گرفته‌ایم اما هنوز کسی پاسخگو نیست.`,
    (x) => `این در حالی است که مسئولان ${x.muni} بارها وعده داده بودند مشکل تا پایان فصل برطرف شود.`,
    (x) => `کارشناسان شهری معتقدند نبود برنامه‌ریزی دقیق و تغییرات مکرر مدیریتی در شهرداری، این وضعیت را به وجود آورده است.`,
    (x) => `تلاش خبرنگار ما برای گرفتن پاسخ از روابط عمومی ${x.muni} تا زمان انتشار این گزارش به نتیجه نرسید.`,
    (x) => `شهروندان می‌گویند عوارض نوسازی را به موقع پرداخت می‌کنند اما خدمات متناسبی دریافت نمی‌کنند.`,
  ],
  neutral: [
    (x) => `به گفته مسئولان، گزارش کامل این برنامه در جلسه آینده شورای اسلامی شهر ${x.c.fa} ارائه می‌شود.`,
    (x) => `در این نشست مدیران مناطق ${x.muni} نیز حضور داشتند و درباره برنامه‌های محلات گفت‌وگو کردند.`,
    (x) => `گفتنی است این برنامه از سال گذشته در دستور کار مدیریت شهری ${x.c.fa} قرار گرفته بود.`,
    (x) => `بر اساس اعلام مسئولان، جزئیات بیشتر در روزهای آینده از طریق پایگاه اطلاع‌رسانی شهرداری منتشر خواهد شد.`,
  ],
  'mayor-criticises-other': [
    (x) => `${x.c.mayor.surname} افزود: شهرداری سهم خود را پرداخت کرده و انتظار دارد دیگر دستگاه‌ها نیز به تعهدات خود عمل کنند.`,
    (x) => `وی تأکید کرد: مدیریت شهری ${x.c.fa} آماده همکاری است اما نمی‌تواند هزینه کوتاهی دیگران را بپردازد.`,
    (x) => `${x.mayorTitle} در پایان خواستار تشکیل جلسه‌ای مشترک برای رفع این مشکل شد.`,
  ],
  'city-not-municipality': [
    (x) => `این گزارش می‌افزاید: مردم ${x.c.fa} می‌توانند اطلاعات بیشتر را از پایگاه‌های رسمی دریافت کنند.`,
    (x) => `گفتنی است ${x.c.fa} یکی از پرجمعیت‌ترین شهرهای کشور است و هر سال گردشگران زیادی به آن سفر می‌کنند.`,
    (x) => `مسئولان استان ${x.c.provinceFa} از مردم خواستند اخبار را فقط از مراجع رسمی دنبال کنند.`,
  ],
  'other-city': [
    () => `گفتنی است این موضوع در جلسه هفته گذشته شورای شهر نیز مطرح شده بود.`,
    () => `به گفته کارشناسان، تجربه سایر کلان‌شهرها نشان می‌دهد اجرای چنین طرح‌هایی به مشارکت مردم نیاز دارد.`,
    () => `این گزارش می‌افزاید: جزئیات بیشتر در روزهای آینده اعلام می‌شود.`,
  ],
  unrelated: [
    () => `کارشناسان معتقدند آثار این تصمیم در ماه‌های آینده روشن‌تر خواهد شد.`,
    () => `این خبر در شبکه‌های اجتماعی نیز واکنش‌های زیادی به همراه داشت.`,
    () => `گفتنی است گزارش کامل این موضوع به‌زودی منتشر می‌شود.`,
  ],
};

const EVENTS: EventTemplate[] = [
  {
    key: 'metro-station',
    sameEvent: true,
    stories: [
      (x) => {
        const st = x.station;
        const line = x.line;
        return {
          kind: 'press-release',
          titles: [
            `${st} خط ${fa(line)} قطار شهری ${x.c.fa} افتتاح شد`,
            `بهره‌برداری از ${st} با حضور ${x.mayorTitle}`,
            `${st} به شبکه قطار شهری ${x.c.fa} پیوست`,
          ],
          kicker: 'با حضور شهردار',
          lead: `${pr(x)} ${st} خط ${fa(line)} قطار شهری ${x.c.fa} صبح امروز با حضور ${x.c.mayor.name} شهردار ${x.c.fa} به بهره‌برداری رسید.`,
          paragraphs: [
            `${x.c.mayor.name} در آیین افتتاح این ایستگاه اظهار داشت: با بهره‌برداری از این ایستگاه روزانه ${fa(int(x.rng, 8, 30))} هزار مسافر از خدمات ${x.c.subsidiaries.metro} استفاده خواهند کرد.`,
            `مدیرعامل ${x.c.subsidiaries.metro} نیز بیان کرد: عملیات ساخت این ایستگاه ${fa(int(x.rng, 18, 40))} ماه طول کشید و ${fa(int(x.rng, 200, 900))} نفر در آن مشغول به کار بودند.`,
            `وی افزود: سرفاصله حرکت قطارها در ساعات اوج به ${fa(int(x.rng, 6, 12))} دقیقه کاهش می‌یابد و ایستگاه بعدی تا پایان سال آماده می‌شود.`,
          ],
        };
      },
      (x) => {
        const st = x.station;
        return {
          kind: 'neutral',
          titles: [`گزارش میدانی از نخستین روز کار ${st}`, `مسافران نخستین روز ${st} چه گفتند؟`],
          lead: `نخستین روز بهره‌برداری از ${st} با استقبال مسافران همراه بود و ${x.muni} ساعت کار ایستگاه را تا ساعت ۲۲ تمدید کرد.`,
          paragraphs: [
            `خبرنگار ما از ساعات اولیه صبح در ${st} حضور داشت؛ صف خرید بلیت کوتاه بود و بیشتر مسافران از کارت‌های بلیت الکترونیکی استفاده می‌کردند.`,
            `یکی از مسافران که هر روز از ${x.place} به محل کارش می‌رود گفت: پیش از این مسیرم یک ساعت طول می‌کشید و حالا کمتر از بیست دقیقه در راه هستم.`,
            `کارکنان ${x.c.subsidiaries.metro} در ورودی‌ها به مسافران راهنمایی می‌دادند و تابلوهای راهنمای جدید نیز نصب شده بود.`,
          ],
        };
      },
      (x) => {
        const st = x.station;
        return {
          kind: 'critical',
          titles: [`${st} افتتاح شد اما پارکینگ و آسانسور آماده نیست`, `گلایه مسافران از نیمه‌کاره ماندن ${st}`],
          kicker: 'گزارش انتقادی',
          lead: `چند روز پس از افتتاح ${st}، مسافران از آماده نبودن آسانسورها، پله‌برقی‌ها و پارکینگ ایستگاه گلایه دارند و ${x.muni} را به عجله در افتتاح متهم می‌کنند.`,
          paragraphs: [
            `یک شهروند سالمند گفت: آسانسور ایستگاه هنوز کار نمی‌کند و بالا رفتن از این همه پله برای ما ممکن نیست؛ شهرداری فقط برای عکس یادگاری عجله داشت.`,
            `${pick(x.rng, x.c.councilMembers)}، عضو شورای اسلامی شهر ${x.c.fa}، نیز از مدیران ${x.c.subsidiaries.metro} انتقاد کرد و گفت: افتتاح ایستگاه نیمه‌تمام خلاف مصوبه شوراست.`,
            `به گفته کسبه اطراف، کارگاه ساختمانی ایستگاه هنوز جمع نشده و خاک و نخاله پیاده‌رو را بسته است.`,
          ],
        };
      },
    ],
  },
  {
    key: 'asphalt',
    sameEvent: true,
    stories: [
      (x) => {
        const tons = int(x.rng, 5, 60);
        return {
          kind: 'press-release',
          titles: [
            `${fa(tons)} هزار تن آسفالت در ${x.districtName} اجرا شد`,
            `اجرای ${fa(tons)} هزار تن آسفالت در معابر ${x.districtName}`,
            `بهسازی معابر ${x.place} با ${fa(tons)} هزار تن آسفالت`,
          ],
          lead: `${pr(x)} از ابتدای سال تاکنون ${fa(tons)} هزار تن آسفالت در معابر اصلی و فرعی ${x.districtName} اجرا شد.`,
          paragraphs: [
            `شهردار ${x.districtName.replace('شهرداری ', '')} با اعلام این خبر بیان کرد: بیشترین حجم عملیات در ${x.place} و محلات کم‌برخوردار انجام شده است.`,
            `وی افزود: لکه‌گیری و ترمیم ${fa(int(x.rng, 20, 120))} هزار متر مربع از حفاری‌های شرکت‌های خدمات‌رسان نیز در همین مدت اجرا شد.`,
            `به گفته وی، عملیات آسفالت‌ریزی شبانه انجام می‌شود تا تردد شهروندان در ساعات روز مختل نشود.`,
          ],
        };
      },
      (x) => ({
        kind: 'critical',
        titles: [`چاله‌های ${x.place} هنوز پر نشده است`, `آسفالت تازه ${x.place} پس از یک بارندگی شست و رفت`],
        lead: `ساکنان ${x.place} می‌گویند با وجود وعده‌های ${x.muni}، معابر محله پر از چاله است و آسفالت تازه پس از نخستین بارندگی از بین رفته است.`,
        paragraphs: [
          `یکی از رانندگان تاکسی گفت: هفته‌ای دو بار لاستیک ماشینم در همین خیابان آسیب می‌بیند و کسی پاسخگو نیست.`,
          `کارشناسان می‌گویند کیفیت پایین آسفالت و نبود نظارت کافی پیمانکاران از سوی ${x.districtName} عامل اصلی این وضع است.`,
          `ساکنان محل خواستار رسیدگی فوری شهرداری و بازرسی از پیمانکار طرح شدند.`,
        ],
      }),
    ],
  },
  {
    key: 'waste',
    sameEvent: true,
    stories: [
      (x) => ({
        kind: 'critical',
        titles: [`انباشت زباله در ${x.place}؛ شهروندان از شهرداری گلایه دارند`, `زباله‌ها در ${x.place} سه روز جمع‌آوری نشد`],
        kicker: 'گزارش مردمی',
        lead: `ساکنان ${x.place} می‌گویند زباله‌های این محله سه روز است جمع‌آوری نشده و ${x.muni} به تماس‌های آنان پاسخ نمی‌دهد.`,
        paragraphs: [
          `کیسه‌های زباله در کنار جوی‌ها و پیاده‌روها انباشته شده و بوی نامطبوع آن در محله پیچیده است.`,
          `یکی از کسبه محل گفت: ماشین‌های حمل زباله دیگر به کوچه‌های فرعی نمی‌آیند و ${x.c.subsidiaries.waste} فقط وعده می‌دهد.`,
          `به گفته ساکنان، سگ‌های ولگرد و گربه‌ها کیسه‌ها را پاره می‌کنند و خطر شیوع بیماری وجود دارد.`,
        ],
      }),
      (x) => ({
        kind: 'press-release',
        titles: [
          `افزایش ناوگان جمع‌آوری پسماند در ${x.districtName}`,
          `${fa(int(x.rng, 10, 40))} خودروی جدید به ناوگان پسماند ${x.c.fa} اضافه شد`,
        ],
        lead: `${pr(x)} مدیرعامل ${x.c.subsidiaries.waste} از افزایش ساعات جمع‌آوری زباله در ${x.place} و محلات اطراف خبر داد.`,
        paragraphs: [
          `وی اظهار داشت: با ورود خودروهای جدید، جمع‌آوری پسماند در کوچه‌های فرعی نیز روزانه انجام می‌شود.`,
          `مدیرعامل ${x.c.subsidiaries.waste} افزود: طرح تفکیک پسماند از مبدأ در ${fa(int(x.rng, 5, 30))} محله اجرا شد و شهروندان می‌توانند پسماند خشک را تحویل غرفه‌های بازیافت دهند.`,
          `وی در پایان از شهروندان خواست زباله را فقط در ساعات اعلام‌شده بیرون بگذارند.`,
        ],
      }),
    ],
  },
  {
    key: 'buses',
    sameEvent: true,
    stories: [
      (x) => {
        const n = int(x.rng, 10, 80);
        return {
          kind: 'press-release',
          titles: [
            `${fa(n)} دستگاه اتوبوس جدید وارد ناوگان حمل‌ونقل عمومی ${x.c.fa} شد`,
            `ورود ${fa(n)} اتوبوس نو به خطوط ${x.c.subsidiaries.bus}`,
          ],
          lead: `${pr(x)} ${fa(n)} دستگاه اتوبوس جدید با حضور ${x.c.mayor.name} شهردار ${x.c.fa} تحویل ${x.c.subsidiaries.bus} شد.`,
          paragraphs: [
            `${x.mayorTitle} در این مراسم بیان کرد: نوسازی ناوگان از اولویت‌های مدیریت شهری است و تا پایان سال ${fa(int(x.rng, 50, 200))} دستگاه دیگر خریداری می‌شود.`,
            `مدیرعامل ${x.c.subsidiaries.bus} نیز گفت: اتوبوس‌های جدید در خطوط پرتردد ${x.place} به کار گرفته می‌شوند.`,
            `وی افزود: همه اتوبوس‌های جدید به سامانه پرداخت الکترونیکی و سیستم موقعیت‌یاب مجهز هستند.`,
          ],
        };
      },
      (x) => ({
        kind: 'critical',
        titles: [`فرسودگی ناوگان اتوبوسرانی ${x.c.fa}؛ مسافران در صف‌های طولانی`, `اتوبوس‌های فرسوده در خیابان‌های ${x.c.fa}`],
        lead: `با وجود وعده‌های ${x.muni}، بیش از نیمی از اتوبوس‌های شهر فرسوده است و مسافران در ایستگاه‌ها مدت‌ها منتظر می‌مانند.`,
        paragraphs: [
          `${pick(x.rng, x.c.councilMembers)}، عضو شورای شهر، گفت: ${x.c.subsidiaries.bus} سال‌هاست بودجه نوسازی را صرف امور دیگر کرده است.`,
          `مسافری در ${x.place} گفت: نیم ساعت در سرما منتظر ماندم و اتوبوسی که آمد آن‌قدر شلوغ بود که نتوانستم سوار شوم.`,
          `رانندگان نیز از خرابی‌های مکرر و نبود قطعات یدکی گلایه دارند.`,
        ],
      }),
    ],
  },
  {
    key: 'trees',
    sameEvent: true,
    stories: [
      (x) => {
        const n = int(x.rng, 5, 50);
        return {
          kind: 'press-release',
          titles: [`کاشت ${fa(n)} هزار اصله نهال در ${x.c.fa}`, `${fa(n)} هزار نهال در فضای سبز ${x.c.fa} کاشته شد`],
          lead: `${pr(x)} مدیرعامل ${x.c.subsidiaries.parks} از کاشت ${fa(n)} هزار اصله نهال در بوستان‌ها و کمربند سبز شهر خبر داد.`,
          paragraphs: [
            `وی بیان کرد: بیشتر نهال‌ها از گونه‌های مقاوم به کم‌آبی انتخاب شده و با سامانه آبیاری قطره‌ای آبیاری می‌شوند.`,
            `مدیرعامل ${x.c.subsidiaries.parks} افزود: سرانه فضای سبز شهر به ${fa(int(x.rng, 12, 25))} متر مربع رسیده است.`,
            `وی همچنین از شهروندان خواست در نگهداری از نهال‌های تازه‌کاشت با شهرداری همکاری کنند.`,
          ],
        };
      },
      (x) => ({
        kind: 'neutral',
        titles: [`پویش «هر شهروند یک درخت» در ${x.c.fa} آغاز شد`],
        lead: `با همکاری ${x.c.subsidiaries.parks} و مدارس شهر، پویش کاشت درخت در ${x.place} آغاز شد.`,
        paragraphs: [
          `دانش‌آموزان و خانواده‌ها صبح جمعه با حضور در ${x.place} نهال‌های خود را کاشتند.`,
          `مسئولان ${x.muni} گفتند نهال‌ها به رایگان در اختیار شرکت‌کنندگان قرار گرفت.`,
          `برگزارکنندگان امیدوارند این پویش هر سال در فصل پاییز تکرار شود.`,
        ],
      }),
    ],
  },
  {
    key: 'land-violation',
    sameEvent: false,
    stories: [
      (x) => {
        const who = pick(x.rng, x.c.councilMembers);
        return {
          kind: 'critical',
          titles: [`عضو شورای شهر: ${x.muni} در واگذاری زمین تخلف کرده است`, `${who}: واگذاری زمین‌های شهرداری غیرقانونی بود`],
          kicker: 'در جلسه علنی شورا مطرح شد',
          lead: `${who}، عضو شورای اسلامی شهر ${x.c.fa}، در جلسه علنی امروز ${x.muni} را به تخلف در واگذاری ${fa(int(x.rng, 3, 15))} قطعه زمین در ${x.place} متهم کرد.`,
          paragraphs: [
            `وی گفت: این زمین‌ها بدون مزایده و به قیمتی بسیار کمتر از ارزش روز واگذار شده و مصوبه شورا نادیده گرفته شده است.`,
            `${who} افزود: گزارش این تخلفات را به سازمان بازرسی استان فرستاده‌ایم و انتظار داریم ${x.mayorTitle} پاسخگو باشد.`,
            `این عضو شورا همچنین از نبود شفافیت در قراردادهای ${x.districtName} انتقاد کرد.`,
          ],
        };
      },
    ],
  },
  {
    key: 'corruption',
    sameEvent: false,
    stories: [
      (x) => ({
        kind: 'critical',
        titles: [`ادعای فساد در قراردادهای ${x.muni}؛ یک مدیر بازداشت شد`, `پرونده فساد در ${x.districtName} به دادسرا رفت`],
        lead: `دادستان ${x.c.fa} از بازداشت یکی از مدیران ${x.districtName} به اتهام دریافت رشوه در پرونده صدور پروانه ساختمانی خبر داد.`,
        paragraphs: [
          `به گفته دادستان، بررسی‌ها نشان می‌دهد در صدور دست‌کم ${fa(int(x.rng, 10, 60))} پروانه ساختمانی تخلف شده است.`,
          `وی افزود: تحقیقات ادامه دارد و ممکن است افراد دیگری از ${x.muni} نیز احضار شوند.`,
          `روابط عمومی ${x.muni} تاکنون درباره این پرونده توضیحی نداده است.`,
        ],
      }),
    ],
  },
  {
    key: 'project-delay',
    sameEvent: false,
    stories: [
      (x) => {
        const years = int(x.rng, 3, 9);
        return {
          kind: 'critical',
          titles: [`پروژه تقاطع غیرهمسطح ${x.place} پس از ${fa(years)} سال همچنان نیمه‌تمام`, `${fa(years)} سال انتظار برای پایان پروژه ${x.place}`],
          lead: `پروژه تقاطع غیرهمسطح ${x.place} که قرار بود ${fa(years)} سال پیش به پایان برسد هنوز نیمه‌تمام است و ترافیک سنگینی در منطقه ایجاد کرده است.`,
          paragraphs: [
            `کسبه اطراف می‌گویند کارگاه پروژه ماه‌هاست تعطیل است و ${x.muni} هیچ برنامه روشنی برای تکمیل آن ندارد.`,
            `${pick(x.rng, x.c.councilMembers)}، عضو شورای شهر، گفت: هزینه این پروژه سه برابر برآورد اولیه شده و مدیریت شهری باید درباره این تأخیر توضیح دهد.`,
            `رانندگان نیز از بسته بودن مسیرهای جایگزین و نبود تابلوهای راهنما گلایه دارند.`,
          ],
        };
      },
    ],
  },
  {
    key: 'flooding',
    sameEvent: false,
    stories: [
      (x) => ({
        kind: 'critical',
        titles: [`آبگرفتگی معابر ${x.c.fa} پس از بارش باران`, `شهر پس از یک ساعت باران زیر آب رفت`],
        lead: `بارش یک ساعته باران عصر دیروز بسیاری از معابر ${x.c.fa} از جمله ${x.place} را زیر آب برد و شهروندان از لایروبی نشدن کانال‌ها به وسیله شهرداری انتقاد کردند.`,
        paragraphs: [
          `در برخی خیابان‌ها ارتفاع آب به نیم متر رسید و خودروها در آب گرفتار شدند.`,
          `یکی از ساکنان گفت: هر سال همین وضع تکرار می‌شود و ${x.muni} فقط پس از حادثه به فکر می‌افتد.`,
          `نیروهای ${x.c.subsidiaries.fire} تا پاسی از شب مشغول تخلیه آب از زیرزمین منازل بودند.`,
        ],
      }),
    ],
  },
  {
    key: 'budget',
    sameEvent: false,
    stories: [
      (x) => {
        const n = int(x.rng, 20, 400);
        return {
          kind: 'neutral',
          titles: [`بودجه ${fa(n)} هزار میلیارد ریالی ${x.muni} تصویب شد`, `تصویب بودجه سال آینده ${x.muni} در شورای شهر`],
          lead: `اعضای شورای اسلامی شهر ${x.c.fa} در جلسه امروز بودجه ${fa(n)} هزار میلیارد ریالی ${x.muni} برای سال آینده را تصویب کردند.`,
          paragraphs: [
            `بر اساس این مصوبه، بیش از نیمی از بودجه به طرح‌های عمرانی و حمل‌ونقل عمومی اختصاص می‌یابد.`,
            `${x.c.mayor.name}، شهردار ${x.c.fa}، در این جلسه گزارشی از منابع درآمدی پیش‌بینی‌شده ارائه کرد.`,
            `رئیس کمیسیون برنامه و بودجه شورا گفت: سهم درآمدهای پایدار در بودجه جدید افزایش یافته است.`,
          ],
        };
      },
    ],
  },
  {
    key: 'mayor-meeting',
    sameEvent: false,
    stories: [
      (x) => ({
        kind: 'neutral',
        titles: [`دیدار مردمی ${x.mayorTitle} با ساکنان ${x.districtName}`, `${x.mayorTitle} به پرسش‌های شهروندان ${x.place} پاسخ داد`],
        lead: `${x.c.mayor.name}، شهردار ${x.c.fa}، امروز در دیدار با ساکنان ${x.place} به درخواست‌های آنان درباره معابر، پارک‌ها و حمل‌ونقل گوش داد.`,
        paragraphs: [
          `در این دیدار که در سالن اجتماعات ${x.districtName} برگزار شد، ${fa(int(x.rng, 40, 300))} نفر از شهروندان حضور داشتند.`,
          `${x.c.mayor.surname} دستور داد درخواست‌های مطرح‌شده ظرف یک ماه بررسی و نتیجه به شهروندان اعلام شود.`,
          `شهردار منطقه نیز گزارشی از طرح‌های در دست اجرا ارائه کرد.`,
        ],
      }),
      (x) => ({
        kind: 'neutral',
        titles: [`طرح ترافیکی جدید ${x.muni} از شنبه اجرا می‌شود`],
        lead: `معاون حمل‌ونقل و ترافیک ${x.muni} از اجرای طرح ترافیکی جدید در محدوده ${x.place} از ابتدای هفته آینده خبر داد.`,
        paragraphs: [
          `به گفته وی، در این طرح ورود خودروهای شخصی به محدوده مرکزی در ساعات اوج محدود می‌شود.`,
          `وی افزود: ظرفیت خطوط اتوبوس در این محدوده افزایش می‌یابد تا شهروندان دچار مشکل نشوند.`,
          `اطلاعات کامل طرح از طریق سامانه شهرداری در دسترس است.`,
        ],
      }),
    ],
  },
  {
    key: 'mayor-vs-others',
    sameEvent: false,
    stories: [
      (x) => ({
        kind: 'mayor-criticises-other',
        titles: [`انتقاد ${x.mayorTitle} از تأخیر دولت در پرداخت سهم قطار شهری`, `${x.c.mayor.surname}: سهم دولت از قطار شهری پرداخت نشده است`],
        lead: `${x.c.mayor.name}، شهردار ${x.c.fa}، از تأخیر دولت در پرداخت سهم پنجاه درصدی پروژه قطار شهری انتقاد کرد و گفت این تأخیر سرعت کار را کم کرده است.`,
        paragraphs: [
          `وی بیان کرد: از ${fa(int(x.rng, 2000, 9000))} میلیارد ریال سهم مصوب دولت، تنها بخش کوچکی پرداخت شده است.`,
          `${x.c.mayor.surname} افزود: نمایندگان مردم ${x.c.fa} در مجلس باید این موضوع را پیگیری کنند.`,
        ],
      }),
      (x) => ({
        kind: 'mayor-criticises-other',
        titles: [`${x.mayorTitle}: حفاری‌های بی‌ضابطه ${x.c.waterCompany} معابر را تخریب کرده است`],
        lead: `${x.mayorTitle} از حفاری‌های بدون مجوز ${x.c.waterCompany} در ${x.place} انتقاد کرد و خواستار جبران خسارت شد.`,
        paragraphs: [
          `${x.c.mayor.name} گفت: این شرکت بدون هماهنگی با شهرداری خیابان‌های تازه آسفالت‌شده را حفاری کرده و ترمیم نکرده است.`,
          `وی افزود: شهرداری هزینه ترمیم را از دستگاه‌های خدمات‌رسان مطالبه خواهد کرد.`,
        ],
      }),
      (x) => ({
        kind: 'mayor-criticises-other',
        titles: [`گلایه ${x.mayorTitle} از بی‌توجهی برخی دستگاه‌ها به ضوابط ساخت‌وساز`],
        lead: `شهردار ${x.c.fa} در نشست شورای برنامه‌ریزی استان، برخی دستگاه‌های دولتی را به ساخت‌وساز بدون پروانه در حریم شهر متهم کرد.`,
        paragraphs: [
          `${x.c.mayor.name} گفت: وقتی یک دستگاه دولتی ضوابط را رعایت نمی‌کند، نمی‌توان از شهروندان انتظار رعایت داشت.`,
          `وی خواستار ورود دستگاه‌های نظارتی به این موضوع شد.`,
        ],
      }),
    ],
  },
  {
    key: 'city-not-muni',
    sameEvent: false,
    stories: [
      (x) => ({
        kind: 'city-not-municipality',
        titles: [`پیروزی ${x.c.club} در ${x.c.stadium}`, `${x.c.club} با دو گل به صدر جدول نزدیک شد`],
        kicker: 'لیگ برتر فوتبال',
        lead: `${x.c.club} در هفته ${fa(int(x.rng, 3, 28))} لیگ برتر در ${x.c.stadium} با نتیجه دو بر یک حریف خود را شکست داد.`,
        paragraphs: [
          `هواداران ${x.c.club} از ساعات ابتدایی روز در اطراف ورزشگاه حضور داشتند.`,
          `سرمربی ${x.c.club} پس از بازی گفت: بازیکنان ما با روحیه بالا بازی کردند و از هواداران ${x.c.fa} سپاسگزاریم.`,
          `این تیم هفته آینده در بازی خارج از خانه به مصاف حریف دیگری می‌رود.`,
        ],
      }),
      (x) => ({
        kind: 'city-not-municipality',
        titles: [`استاندار ${x.c.provinceFa}: طرح‌های نیمه‌تمام استان تا پایان سال تکمیل می‌شود`],
        lead: `استاندار ${x.c.provinceFa} در جلسه شورای اداری استان در ${x.c.governorate} بر تکمیل طرح‌های نیمه‌تمام عمرانی تأکید کرد.`,
        paragraphs: [
          `وی گفت: اعتبارات استانی امسال نسبت به سال گذشته افزایش یافته و باید به موقع جذب شود.`,
          `استاندار همچنین از مدیران دستگاه‌های اجرایی خواست گزارش پیشرفت طرح‌ها را هر ماه ارائه کنند.`,
          `در این جلسه فرمانداران شهرستان‌های استان نیز حضور داشتند.`,
        ],
      }),
      (x) => ({
        kind: 'city-not-municipality',
        titles: [`افزایش قطارهای مسافری ${x.c.fa} به تهران و مشهد`],
        lead: `مدیرکل ${x.c.railway} از افزایش تعداد قطارهای مسافری ${x.c.fa} در ایام تعطیلات خبر داد.`,
        paragraphs: [
          `وی گفت: ${fa(int(x.rng, 4, 20))} قطار فوق‌العاده به برنامه حرکت اضافه شده است.`,
          `به گفته وی، بلیت این قطارها از طریق سامانه‌های فروش اینترنتی عرضه می‌شود.`,
          `مسافران باید یک ساعت پیش از حرکت در ایستگاه راه‌آهن حضور داشته باشند.`,
        ],
      }),
      (x) => ({
        kind: 'city-not-municipality',
        titles: [`پیش‌بینی بارش برف و کاهش دما در ${x.c.fa}`, `هوای ${x.c.fa} سرد می‌شود`],
        lead: `کارشناس ${x.c.weatherOffice} از ورود سامانه بارشی جدید و کاهش محسوس دما در ${x.c.fa} از فردا خبر داد.`,
        paragraphs: [
          `به گفته وی، دمای هوا در ${x.c.fa} تا ${fa(int(x.rng, 2, 9))} درجه زیر صفر کاهش می‌یابد.`,
          `این کارشناس از رانندگان خواست با زنجیر چرخ و تجهیزات زمستانی سفر کنند.`,
          `${x.c.environmentOffice} نیز از احتمال افزایش آلاینده‌ها در روزهای پس از بارش خبر داد.`,
        ],
      }),
    ],
  },
  {
    key: 'other-city',
    sameEvent: false,
    stories: [
      (x) => {
        const o = pick(x.rng, OTHER_CITIES);
        return {
          kind: 'other-city',
          titles: [`${fa(int(x.rng, 10, 60))} دستگاه اتوبوس برقی به ناوگان شهرداری ${o} پیوست`],
          lead: `به گزارش روابط عمومی شهرداری ${o}، اتوبوس‌های برقی جدید امروز با حضور شهردار ${o} در خطوط شهری به کار گرفته شدند.`,
          paragraphs: [
            `شهردار ${o} گفت: این اتوبوس‌ها آلودگی هوای شهر را کاهش می‌دهند.`,
            `مدیرعامل سازمان اتوبوسرانی ${o} نیز از خرید اتوبوس‌های بیشتر در سال آینده خبر داد.`,
            `ایستگاه‌های شارژ این اتوبوس‌ها در پایانه‌های اصلی شهر ${o} نصب شده است.`,
          ],
        };
      },
      (x) => {
        const o = pick(x.rng, OTHER_CITIES);
        return {
          kind: 'other-city',
          titles: [`عضو شورای شهر ${o}: شهرداری ${o} در قراردادها شفاف نیست`, `انتقاد تند از شهرداری ${o} در جلسه شورا`],
          lead: `یکی از اعضای شورای اسلامی شهر ${o} در جلسه علنی، شهرداری ${o} را به نبود شفافیت در قراردادهای عمرانی متهم کرد.`,
          paragraphs: [
            `وی گفت: برخی قراردادها بدون مناقصه و با قیمت‌های غیرمتعارف بسته شده است.`,
            `این عضو شورا خواستار بررسی موضوع از سوی نهادهای نظارتی شد.`,
            `شهرداری ${o} هنوز به این اظهارات پاسخ نداده است.`,
          ],
        };
      },
      (x) => {
        const o = pick(x.rng, OTHER_CITIES);
        return {
          kind: 'other-city',
          titles: [`گلایه ساکنان ${o} از انباشت زباله در معابر`],
          lead: `ساکنان چند محله در ${o} از جمع‌آوری نشدن زباله‌ها گلایه دارند و خواستار رسیدگی شهرداری ${o} هستند.`,
          paragraphs: [
            `به گفته ساکنان، ماشین‌های حمل زباله چند روز است به این محلات نیامده‌اند.`,
            `مسئولان شهرداری ${o} علت را خرابی ناوگان و کمبود نیرو اعلام کردند.`,
            `شهروندان می‌گویند این وضعیت هر سال در این فصل تکرار می‌شود.`,
          ],
        };
      },
    ],
  },
  {
    key: 'unrelated',
    sameEvent: false,
    stories: [
      () => ({
        kind: 'unrelated',
        titles: [`نرخ تورم ماهانه اعلام شد`, `تورم نقطه‌ای در ماه گذشته کاهش یافت`],
        lead: `مرکز آمار ایران نرخ تورم ماهانه کشور را اعلام کرد؛ بر اساس این گزارش، تورم نقطه‌ای نسبت به ماه قبل اندکی کاهش یافته است.`,
        paragraphs: [
          `بیشترین افزایش قیمت در گروه خوراکی‌ها و آشامیدنی‌ها ثبت شده است.`,
          `کارشناسان اقتصادی معتقدند ثبات نرخ ارز در کاهش تورم اثر داشته است.`,
          `این گزارش همچنین نشان می‌دهد تورم در مناطق روستایی بیشتر از مناطق شهری بوده است.`,
        ],
      }),
      () => ({
        kind: 'unrelated',
        titles: [`بررسی لایحه بودجه کشور در کمیسیون تلفیق مجلس`],
        lead: `کمیسیون تلفیق مجلس شورای اسلامی بررسی جزئیات لایحه بودجه سال آینده کشور را آغاز کرد.`,
        paragraphs: [
          `سخنگوی کمیسیون گفت: منابع درآمدی لایحه با دقت بیشتری بررسی می‌شود.`,
          `به گفته وی، افزایش حقوق کارکنان دولت از موضوعات اصلی جلسات این هفته است.`,
          `گزارش کمیسیون تا پایان ماه به صحن مجلس ارائه می‌شود.`,
        ],
      }),
      () => ({
        kind: 'unrelated',
        titles: [`پیروزی تیم ملی والیبال ایران در دیدار دوستانه`],
        kicker: 'والیبال',
        lead: `تیم ملی والیبال ایران در دیدار دوستانه با نتیجه سه بر یک از سد حریف خود گذشت.`,
        paragraphs: [
          `سرمربی تیم ملی پس از دیدار گفت: بازیکنان جوان فرصت خوبی برای محک خوردن داشتند.`,
          `این دیدار بخشی از برنامه آماده‌سازی تیم برای مسابقات قهرمانی آسیا بود.`,
          `تیم ملی هفته آینده دو دیدار دیگر برگزار می‌کند.`,
        ],
      }),
      () => ({
        kind: 'unrelated',
        titles: [`افزایش صادرات محصولات کشاورزی در هفت ماه نخست سال`],
        lead: `رئیس سازمان توسعه تجارت از افزایش صادرات محصولات کشاورزی در هفت ماه نخست سال نسبت به مدت مشابه سال قبل خبر داد.`,
        paragraphs: [
          `به گفته وی، پسته، زعفران و خرما بیشترین سهم را در صادرات داشته‌اند.`,
          `وی افزود: بازارهای جدیدی در کشورهای همسایه برای محصولات ایرانی ایجاد شده است.`,
          `صادرکنندگان خواستار تسهیل بازگشت ارز صادراتی شدند.`,
        ],
      }),
    ],
  },
];

// Story-level wording: each distinct story picks its own phrasing per occurrence, so two stories
// built from one template share far fewer word sequences than a release and its reprints do.
const WORDINGS: string[][] = [
  ['اظهار داشت', 'گفت', 'بیان کرد', 'عنوان کرد', 'تصریح کرد', 'خاطرنشان کرد'],
  ['افزود', 'ادامه داد', 'در ادامه گفت', 'یادآور شد'],
  ['شهروندان', 'همشهریان', 'ساکنان شهر'],
  ['تاکنون', 'تا به حال', 'تا این لحظه'],
  ['بیش از', 'بالغ بر', 'افزون بر'],
  ['خبر داد', 'اطلاع داد'],
  ['گلایه دارند', 'شکایت دارند', 'ناراضی هستند'],
  ['مسئولان', 'مدیران', 'متولیان'],
  ['می‌گویند', 'اظهار می‌کنند', 'معتقدند'],
];

/** Whole words only (never «گفت» inside «گفته»), one pass (a replacement is never replaced again). */
export const wordRegex = (words: string[]): RegExp =>
  new RegExp(
    `(?<![\\p{L}\\p{M}\u200c])(?:${[...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{M}\u200c])`,
    'gu',
  );

const GROUP_OF = new Map<string, string[]>(WORDINGS.flatMap((g) => g.map((w) => [w, g] as [string, string[]])));
const WORDING_RE = wordRegex([...GROUP_OF.keys()]);

function varyWording(text: string, rng: Rng): string {
  return text.replace(WORDING_RE, (w) => pick(rng, GROUP_OF.get(w)!));
}

const WEEKDAY_NAMES = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه'];

// Sentences with their own numbers and names: they make each story's text its own.
const DETAILS: Record<'municipal' | 'other', ((x: Ctx) => string)[]> = {
  municipal: [
    (x) => `اعتبار این بخش ${fa(int(x.rng, 12, 980))} میلیارد ریال برآورد شده است.`,
    (x) => `این موضوع روز ${pick(x.rng, WEEKDAY_NAMES)} در نشست کمیسیون عمران شورا نیز بررسی شد.`,
    (x) => `بر پایه آمار اعلام‌شده، ${fa(int(x.rng, 3, 95))} درصد از کار در محدوده ${pick(x.rng, x.c.places)} انجام شده است.`,
    (x) => `حدود ${fa(int(x.rng, 2, 60))} هزار نفر از ساکنان منطقه ${fa(int(x.rng, 1, x.c.districts))} با این موضوع سروکار دارند.`,
    (x) => `قرار است گزارش تکمیلی تا ${fa(int(x.rng, 2, 12))} هفته دیگر ارائه شود.`,
    (x) => `پیمانکار این کار ${pick(x.rng, ['شرکت عمران آذر', 'شرکت راه‌سازان شمال', 'شرکت پیمان‌گستر', 'شرکت سازه‌نو'])} است که از ${fa(int(x.rng, 1390, 1404))} با شهرداری همکاری دارد.`,
    (x) => `${pick(x.rng, x.c.councilMembers)} در این باره گفت: شورا گزارش ${fa(int(x.rng, 2, 11))} ماهه این بخش را خواسته است.`,
    (x) => `تعداد تماس‌های ثبت‌شده در سامانه ۱۳۷ درباره ${pick(x.rng, x.c.places)} در ماه گذشته به ${fa(int(x.rng, 40, 900))} مورد رسید.`,
    (x) => `${fa(int(x.rng, 15, 400))} نیروی خدماتی و ${fa(int(x.rng, 3, 40))} دستگاه ماشین‌آلات در این بخش به کار گرفته شده‌اند.`,
    (x) => `معاون خدمات شهری ${x.districtName} هم گفته است بازدید از ${pick(x.rng, x.c.places)} هر ${pick(x.rng, ['هفته', 'دو هفته', 'ماه'])} تکرار می‌شود.`,
    (x) => `طول مسیر مورد نظر ${fa(int(x.rng, 2, 38))} کیلومتر و عرض آن ${fa(int(x.rng, 8, 45))} متر است.`,
    (x) => `برنامه زمان‌بندی کار از ${pick(x.rng, WEEKDAY_NAMES)} ${fa(int(x.rng, 1, 29))} ${pick(x.rng, ['مهر', 'آبان', 'آذر', 'دی', 'بهمن'])} آغاز شده است.`,
  ],
  other: [
    (x) => `در این مراسم ${fa(int(x.rng, 20, 700))} نفر حضور داشتند.`,
    (x) => `سخنگوی این نهاد روز ${pick(x.rng, WEEKDAY_NAMES)} به پرسش‌های خبرنگاران پاسخ خواهد داد.`,
    (x) => `سهم استان ${pick(x.rng, ['تهران', 'فارس', 'خراسان رضوی', 'آذربایجان شرقی', 'اصفهان'])} در این آمار ${fa(int(x.rng, 2, 30))} درصد بوده است.`,
    (x) => `این رقم در مدت مشابه سال ${fa(int(x.rng, 1398, 1404))} حدود ${fa(int(x.rng, 5, 80))} واحد کمتر بود.`,
    (x) => `این موضوع از ${fa(int(x.rng, 2, 20))} روز پیش در کانون توجه رسانه‌ها قرار داشت.`,
    (x) => `به گفته یک کارشناس، ${fa(int(x.rng, 10, 90))} درصد از پرسش‌شدگان این خبر را دنبال کرده‌اند.`,
    (x) => `نشست بعدی در این باره روز ${pick(x.rng, WEEKDAY_NAMES)} هفته آینده برگزار می‌شود.`,
    (x) => `برآوردها از رقمی حدود ${fa(int(x.rng, 100, 9000))} میلیارد ریال حکایت دارد.`,
  ],
};

/** Relative weights of events in a corpus: city-hall news dominates, as in a real press review. */
const EVENT_WEIGHTS: Record<string, number> = {
  'metro-station': 3, asphalt: 3, waste: 3, buses: 3, trees: 2, 'land-violation': 2, corruption: 1,
  'project-delay': 2, flooding: 1, budget: 1, 'mayor-meeting': 3, 'mayor-vs-others': 3, 'city-not-muni': 9,
  'other-city': 6, unrelated: 9,
};

/** The text names the municipality itself, its mayor, a district or a subsidiary. */
function namesMunicipality(text: string, x: Ctx): boolean {
  return [x.muni, x.mayorTitle, x.c.mayor.name, ...Object.values(x.c.subsidiaries)].some((n) => text.includes(n));
}

export interface EventStories {
  eventKey: string;
  drafts: StoryDraft[];
}

/** One event of the city and 1..n distinct stories about it (sharing place and district). */
export function generateEvent(rng: Rng, c: CityVocab): EventStories {
  const total = EVENTS.reduce((s, e) => s + EVENT_WEIGHTS[e.key], 0);
  let r = rng() * total;
  let ev = EVENTS[0];
  for (const e of EVENTS) {
    r -= EVENT_WEIGHTS[e.key];
    if (r < 0) {
      ev = e;
      break;
    }
  }
  const district = int(rng, 1, c.districts);
  const x: Ctx = {
    c,
    rng,
    muni: `شهرداری ${c.fa}`,
    mayorTitle: `شهردار ${c.fa}`,
    district,
    districtName: `منطقه ${fa(district)} شهرداری ${c.fa}`,
    place: pick(rng, c.places),
    station: pick(rng, c.metroStations),
    line: int(rng, 1, 3),
  };
  // The first story is always told; the others (other angles on the same event) often are.
  const count = ev.sameEvent && chance(rng, 0.6) ? ev.stories.length : 1;
  const chosen = count === 1 ? [pick(rng, ev.stories)] : sample(rng, ev.stories, count);
  const drafts = chosen.map((make) => {
    const d = make(x);
    const municipal = d.kind !== 'city-not-municipality' && d.kind !== 'other-city' && d.kind !== 'unrelated';
    // Distinct stories from one template tell different parts of it — but a municipal story
    // never loses the paragraph that names the municipality.
    if (d.paragraphs.length >= 3 && chance(rng, 0.5)) {
      const drop = int(rng, 0, d.paragraphs.length - 1);
      const rest = [d.titles[0], d.lead, ...d.paragraphs.filter((_, i) => i !== drop)].join(' ');
      if (!municipal || namesMunicipality(rest, x)) d.paragraphs.splice(drop, 1);
    }
    const pool = DETAILS[municipal ? 'municipal' : 'other'];
    let next = int(rng, 0, pool.length - 1);
    const detail = () => pool[next++ % pool.length](x);
    for (let k = int(rng, 1, 2); k > 0; k--) {
      const i = int(rng, 0, d.paragraphs.length - 1);
      d.paragraphs[i] = `${d.paragraphs[i]} ${detail()}`;
    }
    // The lead is the first paragraph of the story; keep the total within 3–8. At most one stock
    // filler (shared by every story of a kind); the rest are detail paragraphs of this story.
    const target = int(rng, 3, 8);
    if (d.paragraphs.length + 1 < target && chance(rng, 0.6)) {
      d.paragraphs.splice(int(rng, 1, d.paragraphs.length), 0, pick(rng, FILLERS[d.kind])(x));
    }
    while (d.paragraphs.length + 1 < target) {
      d.paragraphs.splice(int(rng, 1, d.paragraphs.length), 0, `${detail()} ${detail()}`);
    }
    d.lead = varyWording(d.lead, rng);
    d.paragraphs = d.paragraphs.map((p) => varyWording(p, rng));
    return d;
  });
  return { eventKey: ev.key, drafts };
}
