// Default selectors per CMS family — data, not code (cms-families.md §2). An outlet's own
// `selectors` in config/sources.json are tried first, then these, field by field.
import type { Selectors } from '../config.ts';

export interface Family {
  selectors: Selectors;
  /** Path regex of article pages, used on listing pages when the outlet gives none. */
  articleUrlPattern?: string;
  /** Path regex of listing/tag pages: never one article. */
  listingUrlPattern?: string;
}

/** Boilerplate every family shares: never part of the body. */
// Not 'form': ASP.NET WebForms portals wrap the whole page in one <form>.
export const COMMON_REMOVE = [
  'script', 'style', 'noscript', 'iframe', 'input', 'select', 'textarea', 'nav', 'footer', 'aside', 'button', 'svg', 'template', 'figure', 'figcaption',
  // The same landmarks spelled as ARIA roles (React/Simorgh-style pages use divs and sections with roles).
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]',
  '.share', '.share-bar', '.social', '.sharing', '.related', '.related-news', '.relatedulbox', '.more-news',
  '.comments', '.comment', '#comments', '.comments-list', '.tags', '.tag', '.breadcrumb', '.advertisement', '.ad',
  '.short-link', '.short_link_cnt', '.tinyurl_form', '.print', '.rating', '.newsletter', '.latest-news', '.most-viewed',
  // "sharing" is not "share": WordPress share plugins (Sassy Social Share's heateor_sss_sharing_container, sd-sharing).
  '[class*="share"]', '[class*="sharing"]', '[class*="related"]', '[class*="comment"]', '[id*="comment"]', '[class*="banner"]',
];

export const FAMILIES: Record<string, Family> = {
  nastooh: {
    articleUrlPattern: '^/(fa/)?news/\\d+',
    listingUrlPattern: '^/(tag|tags|service|page|archive|search)\\b',
    selectors: {
      article: ['article', '#item', '.main-content'],
      kicker: ['.rutitr', '.kicker'],
      title: ['.item-title', '.title', 'span.headline', 'h1'],
      lead: ['.introtext', '.item-summary', 'p.summary'],
      body: ['.item-body .item-text', '.item-text', '.item-body'],
      published: ['.item-date > span', '.item-date', '.item-time'],
      section: ['.breadcrumb li'],
      author: ['.item-author', '.author'],
      remove: ['.item-nav', '.item-footer', '.tags', '.comments', '.box.related', '.box-related'],
    },
  },
  iransamaneh: {
    articleUrlPattern: '^/fa/(news|photos)/\\d+',
    listingUrlPattern: '^/fa/(tags?|service|archive|search|rss)\\b',
    selectors: {
      // Per-site containers seen on IranSamaneh outlets (tabnak, asriran, fararu, snn, mizan, iqna …).
      article: [
        'article', '.gutter_news', '.col1-news', '.col-main-news', '.col_r_inner_news', '.main_col', '.main_news_body',
        '.row_news_body', '.box_news', '.news_content', '.body-news', '.general-news-body', '.newsContent', '.news-body',
        '.over-hide', '.main_news_col', '.middle_news_body', '.khabar-contents', "div[style='direction: rtl;']",
        "div[style='direction: right;']", '.news_body', '#news',
      ],
      kicker: ['.rutitr', '.news-rutitr', '.rutitr_photo'],
      title: ['.title', '.news-title', '.title-news', 'h1'],
      lead: ['.subtitle', '.news-subtitle', '.subtitle-news'],
      body: ['.body', '.news_body_con', '.album_content'],
      published: ['.news_pdate_c', '.item-date span', '.news-date', '.fa_date'],
      section: ['.news_path a'],
      author: ['.news_author', '.autor_ax'],
      remove: ['.tags_title', '.comm_info', '.comments_item', '.news_path', '.news_nav', '.sub_ax'],
    },
  },
  aasaam: {
    articleUrlPattern: '^/fa/(news|tiny/news-)\\d+',
    listingUrlPattern: '^/(fa/)?(tags?|service|archive|search|feeds)\\b',
    selectors: {
      article: ['article', '.news_content', '#modal-page', '.contentBox', 'main', 'body.news'],
      kicker: ['.uptitle', '.up-title', 'h2.up_title', 'h2.news-uptitle'],
      title: ['h1', '.title'],
      lead: ['.lead', 'p.news-lead', 'p.news_lead'],
      body: ['#echo_detail', '.echo_detail', '#echo_details', '#main_ck_editor', '.article_body'],
      published: ['time', '.news_time', '.news-time'],
      section: ['.breadcrumb_list li a', '.breadcrumb li a'],
      remove: ['.article_tag', '.sec_info', '.share_news', '.short_link_cnt', '.tinyurl_form', '.news-short-info', '.noprint'],
    },
  },
  studiokhabar: {
    articleUrlPattern: '^/(fa/)?news/\\d+',
    selectors: {
      article: ['.doc_content', '#docDataRow', 'body'],
      kicker: ['#docDiv3TitrRou'],
      title: ['#docDiv3TitrMain', 'h1'],
      lead: ['#docDivLead1', '#docDivLead', '.lead-left', '#docDivp3'],
      body: ['#doctextarea', '#docContentdiv'],
      published: ['.doc_date', '.docDiv3Date', '#docDiv3Date'],
      section: ['.doc-section-info a'],
      remove: ['.doc_tags1', '.tags'],
    },
  },
  drupal: {
    selectors: {
      article: ['article', '.node'],
      kicker: ['.rutitr'],
      title: ['.title', 'h1'],
      lead: ['.lead'],
      body: ['.body', '.field-name-body', '.field--name-body'],
      published: ['.date-display-single'],
      section: ['.category-breadcrumb a'],
    },
  },
  wordpress: {
    articleUrlPattern: '^/(\\d{4}/\\d{2}/|\\?p=\\d+|(?!tag/|category/|author/|page/|feed)[^/]+/?$)',
    listingUrlPattern: '^/(tag|category|author|page|\\d{4}/\\d{2}/?$)',
    selectors: {
      article: ['#the-post', 'article.post', 'section.single', '.single', 'body.single-post', 'article'],
      kicker: ['.rotitr', '.rutitr', '.text-sin', '.entry-sub-title'],
      title: ['h1.entry-title', 'h1.post-title', 'h1'],
      lead: ['.lead', '.excerpt', '.entry-summary', '.leadBox', '.lead_news'],
      body: ['.entry-content', '.contentsingle', '.con', '.entry', '.post-content', '.single-content', '.Post-Content', '.content_news_entry'],
      published: ['time', 'span.date', 'span.the_time'],
      // Jannah (the theme cms-families.md names, common on Persian sites): a.post-cat, .meta-author a.
      section: ['.meta-cat a', '.cat-links a', '.crumbs a', 'a.post-cat'],
      author: ['.author a', '.byline a', '.meta-author a'],
      remove: ['.sharedaddy', '.jp-relatedposts', '.post-tags', '.yarpp-related', '.wp-block-buttons', '.about-author', '.author-box'],
    },
  },
  joomla: {
    selectors: {
      article: ['.item-page', 'article'],
      kicker: ["[itemprop='rotitr']"],
      title: ["[itemprop='headline']", 'h2', 'h1'],
      lead: ["[itemprop='zirtitr']", '.introtext'],
      body: ["[itemprop='articleBody']", '.item-page'],
      published: ['time'],
      section: ["[itemprop='genre']"],
      remove: ['.pagenav', '.article-info', '.icons'],
    },
  },
};

/** CMS values of config that name a family with default selectors. */
export function familyOf(cms: string | undefined): Family | undefined {
  return cms ? FAMILIES[cms] : undefined;
}
