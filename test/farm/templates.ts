// Article and listing page templates mirroring the markup of the CMS families Iranian news
// sites run on (cms-families.md §1–2): Nastooh, IranSamaneh, aasaam, WordPress, StudioKhabar.
// Class names follow those families; the text around the article is realistic boilerplate.
import type { FarmArticle } from './content.ts';
import { esc, linkList, commentsFor, MENU, SECTIONS, SHARE_LABELS, footerText, TICKER, type Link } from './chrome.ts';

export type TemplateName = 'nastooh' | 'iransamaneh' | 'aasaam' | 'wordpress' | 'studiokhabar';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['nastooh', 'iransamaneh', 'aasaam', 'wordpress', 'studiokhabar'];

/** What a template needs to know about the outlet. */
export interface PageOutlet {
  nameFa: string;
  baseUrl: string;
  /** Charset declared in the page (<meta>); null: none declared in the page. */
  metaCharset: string | null;
  jsonLd: boolean;
  /** og:* and article:* meta tags. */
  ogMeta: boolean;
  canonical: boolean;
  /** A «بیشتر بخوانید» link block inside the body text (not part of the article). */
  inlineRelated: boolean;
  markup: BodyMarkup;
  /** Announced with <link rel="alternate"> for feed autodiscovery; null when the outlet has none. */
  feed: { url: string; type: 'application/rss+xml' | 'application/atom+xml' } | null;
}

/** How the body text is marked up: the habits of editors and old CMSs. */
export interface BodyMarkup {
  /** The «بیشتر بخوانید» block is a plain <p> (else a <div class=…>). */
  readMoreAsParagraph: boolean;
  /** Empty <p>&nbsp;</p> left between paragraphs by the editor. */
  emptyParagraphs: boolean;
  /** Paragraphs carry inline styles and <span> wrappers (text pasted from Word). */
  styledParagraphs: boolean;
  /** An image with a caption («عکس: …») inside the body container. */
  captionInBody: boolean;
  /** One <div> whose paragraphs are separated by <br><br> instead of <p> elements. */
  brParagraphs: boolean;
}

export const PLAIN_MARKUP: BodyMarkup = {
  readMoreAsParagraph: false, emptyParagraphs: false, styledParagraphs: false, captionInBody: false, brParagraphs: false,
};

export interface PageArticle {
  article: FarmArticle;
  /** Path as linked (percent-encoded). */
  path: string;
  /** Absolute canonical URL. */
  url: string;
  numericId: number;
  /** Jalali date text shown on the page, null when the page shows no date. */
  dateText: string | null;
  /** ISO date with Tehran offset for machine-readable slots, null when the page has none. */
  iso: string | null;
  section: string;
}

export interface ArticlePageData {
  outlet: PageOutlet;
  page: PageArticle;
  latest: Link[];
  popular: Link[];
  related: Link | null;
}

export interface ListingItem {
  title: string;
  href: string;
  lead: string;
  dateText: string | null;
}

export interface ListingPageData {
  outlet: PageOutlet;
  title: string;
  items: ListingItem[];
  page: number;
  pages: number;
  /** Path of the listing without the query. */
  path: string;
  latest: Link[];
}

export interface Template {
  name: TemplateName;
  articlePath(id: number, slug: string, published: Date): string;
  /** The numeric id in an article path, or for WordPress the path itself; null: not an article path. */
  articleKey(path: string): string | null;
  listingPath: string;
  rssPath: string;
  atomPath: string;
  /** Regular expression (JS) matching article paths, for sources.json. */
  articleUrlPattern: string;
  renderArticle(d: ArticlePageData): string;
  renderListing(d: ListingPageData): string;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

function headTags(d: ArticlePageData, extra = ''): string {
  const { outlet: o, page: p } = d;
  const a = p.article;
  const tags: string[] = [];
  if (o.metaCharset) tags.push(`<meta charset="${o.metaCharset}">`, `<meta http-equiv="Content-Type" content="text/html; charset=${o.metaCharset}">`);
  tags.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  if (o.feed) tags.push(feedLink(o));
  tags.push(`<title>${esc(a.title)} - ${esc(o.nameFa)}</title>`);
  tags.push(`<meta name="description" content="${esc(a.lead)}">`);
  if (o.canonical) tags.push(`<link rel="canonical" href="${esc(p.url)}">`);
  if (o.ogMeta) {
    tags.push(
      `<meta property="og:type" content="article">`,
      `<meta property="og:title" content="${esc(a.title)}">`,
      `<meta property="og:description" content="${esc(a.lead)}">`,
      `<meta property="og:url" content="${esc(p.url)}">`,
      `<meta property="og:site_name" content="${esc(o.nameFa)}">`,
      `<meta property="og:image" content="${esc(o.baseUrl)}/files/${p.numericId}.jpg">`,
    );
    if (p.iso) tags.push(`<meta property="article:published_time" content="${p.iso}">`);
    tags.push(`<meta property="article:section" content="${esc(p.section)}">`);
  }
  if (o.jsonLd) {
    const ld: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: a.title,
      description: a.lead,
      mainEntityOfPage: p.url,
      image: [`${o.baseUrl}/files/${p.numericId}.jpg`],
      author: { '@type': 'Organization', name: o.nameFa },
      publisher: { '@type': 'Organization', name: o.nameFa, logo: { '@type': 'ImageObject', url: `${o.baseUrl}/logo.png` } },
    };
    if (p.iso) ld.datePublished = p.iso;
    tags.push(`<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>`);
  }
  tags.push('<link rel="stylesheet" href="/static/style.css">', `<script src="/static/app.js"></script>`);
  return tags.join('\n') + extra;
}

/** Body paragraphs in the outlet's markup, with the optional «بیشتر بخوانید» block and caption. */
function bodyHtml(d: ArticlePageData, cls = 'read-more'): string {
  const m = d.outlet.markup;
  const texts = d.page.article.paragraphs;
  const p = (t: string) =>
    m.styledParagraphs
      ? `<p dir="rtl" style="text-align: justify;"><span style="font-family: Tahoma; font-size: 10pt;">${esc(t)}</span></p>`
      : `<p>${esc(t)}</p>`;
  const blocks = m.brParagraphs ? [`<div class="text">${texts.map(esc).join('<br>\n<br>\n')}</div>`] : texts.map(p);
  if (m.emptyParagraphs) {
    for (let i = blocks.length - 1; i > 0; i -= 2) blocks.splice(i, 0, '<p>&nbsp;</p>');
  }
  if (m.captionInBody) {
    blocks.splice(Math.min(1, blocks.length), 0, `<figure class="image"><img src="/files/${d.page.numericId}-2.jpg" alt=""><figcaption>عکس: آرشیو ${esc(d.outlet.nameFa)}</figcaption></figure>`);
  }
  if (d.outlet.inlineRelated && d.related && blocks.length > 1) {
    const link = `<strong>بیشتر بخوانید:</strong> <a href="${esc(d.related.href)}">${esc(d.related.title)}</a>`;
    blocks.splice(Math.min(2, blocks.length - 1), 0, m.readMoreAsParagraph ? `<p>${link}</p>` : `<div class="${cls}">${link}</div>`);
  }
  return blocks.join('\n');
}

function menuHtml(base: string): string {
  return MENU.map((m, i) => `<li><a href="${i === 0 ? '/' : `/service/${i}`}">${m}</a></li>`).join('');
}

function shareHtml(cls: string): string {
  return `<div class="${cls}">${SHARE_LABELS.map((s) => `<a href="#" rel="nofollow">${s}</a>`).join(' ')}</div>`;
}

function commentsHtml(d: ArticlePageData, listCls: string, itemCls: string, nameCls: string, dateCls: string, textCls: string): string {
  const date = d.page.dateText ?? 'امروز';
  const cs = commentsFor(d.page.numericId, date);
  return `<div class="${listCls}">
<h4>نظرات خوانندگان</h4>
${cs.map((c) => `<div class="${itemCls}"><span class="${nameCls}">${esc(c.author)}</span> <span class="${dateCls}">${esc(c.date)}</span><p class="${textCls}">${esc(c.text)}</p></div>`).join('\n')}
<form class="comment-form"><textarea name="comment" placeholder="نظر خود را بنویسید"></textarea><button>ارسال نظر</button></form>
</div>`;
}

function pager(d: ListingPageData, cls: string): string {
  const links: string[] = [];
  if (d.page > 1) links.push(`<a href="${d.path}?page=${d.page - 1}">صفحه قبل</a>`);
  for (let i = 1; i <= d.pages; i++) links.push(i === d.page ? `<span class="current">${i}</span>` : `<a href="${d.path}?page=${i}">${i}</a>`);
  if (d.page < d.pages) links.push(`<a href="${d.path}?page=${d.page + 1}" rel="next">صفحه بعد</a>`);
  return `<div class="${cls}">${links.join(' ')}</div>`;
}

function feedLink(o: PageOutlet): string {
  return o.feed ? `<link rel="alternate" type="${o.feed.type}" title="${esc(o.nameFa)}" href="${esc(o.feed.url)}">` : '';
}

function listingHead(d: ListingPageData): string {
  const cs = (d.outlet.metaCharset ? `<meta charset="${d.outlet.metaCharset}">` : '') + feedLink(d.outlet);
  return `<!DOCTYPE html>
<html lang="fa" dir="rtl"><head>${cs}<title>${esc(d.title)} - ${esc(d.outlet.nameFa)}</title><link rel="stylesheet" href="/static/style.css"></head>`;
}


// ---------------------------------------------------------------------------------------------
// Nastooh (irna, mehrnews, hamshahrionline …)

const nastooh: Template = {
  name: 'nastooh',
  articlePath: (id, slug) => `/news/${id}/${encodeURIComponent(slug)}`,
  articleKey: (path) => /^\/news\/(\d+)(\/|$)/.exec(path)?.[1] ?? null,
  listingPath: '/archive',
  rssPath: '/rss',
  atomPath: '/atom',
  articleUrlPattern: '^/news/\\d+',
  renderArticle(d) {
    const a = d.page.article;
    return `<!DOCTYPE html>
<html lang="fa" dir="rtl">
<head>
${headTags(d)}
</head>
<body class="rtl">
<header id="header"><div class="container"><a class="logo" href="/">${esc(d.outlet.nameFa)}</a>
<nav class="menu"><ul>${menuHtml(d.outlet.baseUrl)}</ul></nav>
<div class="ticker">${TICKER}</div></div></header>
<main class="container">
<div class="row">
<div class="col-md-8">
<article id="item" class="news" itemscope itemtype="https://schema.org/NewsArticle">
<ol class="breadcrumb"><li><a href="/">صفحه نخست</a></li><li><a href="/service/4">${esc(d.page.section)}</a></li></ol>
<div class="item-header">
${d.page.dateText ? `<div class="item-date"><span>${esc(d.page.dateText)}</span></div>` : ''}
${a.kicker ? `<h3 class="${d.page.numericId % 2 ? 'rutitr' : 'kicker'}">${esc(a.kicker)}</h3>` : ''}
<h1 class="title" itemprop="headline"><a href="${esc(d.page.path)}">${esc(a.title)}</a></h1>
</div>
<div class="item-summary"><p class="summary introtext" itemprop="description">${esc(a.lead)}</p></div>
<figure class="item-img"><img src="/files/${d.page.numericId}.jpg" alt="${esc(a.title)}"></figure>
<div class="item-body">
<div class="item-text" itemprop="articleBody">
${bodyHtml(d, 'related-inline')}
</div>
</div>
<div class="item-footer">
<section class="tags"><ul><li><a href="/tag/شهری">شهری</a></li><li><a href="/tag/${esc(d.page.section)}">${esc(d.page.section)}</a></li></ul></section>
<div class="short-link">کد خبر: ${d.page.numericId}</div>
${shareHtml('item-share share')}
</div>
</article>
<section class="comments">${commentsHtml(d, 'comments-list', 'comment', 'author', 'date', 'comment-body')}</section>
</div>
<aside class="col-md-4">
<section class="box latest-news"><header class="box-header"><h2>آخرین اخبار</h2></header><ul>${linkList(d.latest)}</ul></section>
<section class="box most-viewed"><header class="box-header"><h2>پربازدیدها</h2></header><ul>${linkList(d.popular)}</ul></section>
</aside>
</div>
</main>
<footer id="footer"><p>${esc(footerText(d.outlet.nameFa))}</p><ul><li><a href="/rss-help">آر اس اس</a></li><li><a href="/page/about">درباره ما</a></li></ul></footer>
</body></html>`;
  },
  renderListing(d) {
    return `${listingHead(d)}
<body><header id="header"><nav class="menu"><ul>${menuHtml(d.outlet.baseUrl)}</ul></nav></header>
<main class="container"><h1>${esc(d.title)}</h1>
<section class="box list"><ul>
${d.items.map((i) => `<li class="news"><div class="desc"><h3><a href="${esc(i.href)}">${esc(i.title)}</a></h3><p>${esc(i.lead)}</p>${i.dateText ? `<time>${esc(i.dateText)}</time>` : ''}</div></li>`).join('\n')}
</ul></section>
${pager(d, 'pagination')}
<aside><section class="box latest-news"><h2>آخرین اخبار</h2><ul>${linkList(d.latest)}</ul></section></aside>
</main><footer id="footer"><p>${esc(footerText(d.outlet.nameFa))}</p></footer></body></html>`;
  },
};

// ---------------------------------------------------------------------------------------------
// IranSamaneh (tabnak, yjc, asriran, shahraranews …)

const iransamaneh: Template = {
  name: 'iransamaneh',
  articlePath: (id, slug) => `/fa/news/${id}/${encodeURIComponent(slug)}`,
  articleKey: (path) => /^\/fa\/news\/(\d+)(\/|$)/.exec(path)?.[1] ?? null,
  listingPath: '/fa/archive',
  rssPath: '/fa/rss/allnews',
  atomPath: '/fa/atom/allnews',
  articleUrlPattern: '^/fa/news/\\d+',
  renderArticle(d) {
    const a = d.page.article;
    return `<!DOCTYPE html>
<html dir="rtl" lang="fa">
<head>
${headTags(d)}
</head>
<body>
<div class="header_top"><div class="logo"><a href="/fa">${esc(d.outlet.nameFa)}</a></div>
<ul class="main_menu">${menuHtml(d.outlet.baseUrl)}</ul></div>
<div class="container">
<div class="col-md-24 gutter_news">
<div class="news_path"><a href="/fa">صفحه نخست</a> <a href="/fa/service/${d.page.numericId % 7}">${esc(d.page.section)}</a></div>
<div class="news_id_c">کد خبر: ${d.page.numericId}</div>
${d.page.dateText ? `<div class="news_nav news_pdate_c">تاریخ انتشار: ${esc(d.page.dateText)}</div>` : ''}
<article>
${a.kicker ? `<div class="rutitr">${esc(a.kicker)}</div>` : ''}
<h1 class="title"><a href="${esc(d.page.path)}">${esc(a.title)}</a></h1>
<div class="subtitle">${esc(a.lead)}</div>
<div class="lead_image"><img src="/files/${d.page.numericId}.jpg" alt=""></div>
<div class="body">
${bodyHtml(d, 'inline_related')}
</div>
</article>
<div class="tags_container"><div class="tags_title"><a href="/fa/tag/1">شهری</a> <a href="/fa/tag/2">${esc(d.page.section)}</a></div></div>
${shareHtml('share_news short_link_cnt')}
<div class="comments_container">${commentsHtml(d, 'comments_list', 'comments_item', 'comm_info_name', 'comm_info_date', 'comments')}<a class="more_comments" href="/fa/ajax/comments?news=${d.page.numericId}">نمایش همه نظرات</a></div>
</div>
<div class="col-md-12 news_sidebar">
<div class="box_latest"><div class="box_title">آخرین اخبار</div><ul>${linkList(d.latest)}</ul></div>
<div class="box_popular"><div class="box_title">پربازدیدها</div><ul>${linkList(d.popular)}</ul></div>
</div>
</div>
<div class="footer"><div class="copyright">${esc(footerText(d.outlet.nameFa))}</div></div>
</body></html>`;
  },
  renderListing(d) {
    return `${listingHead(d)}
<body><ul class="main_menu">${menuHtml(d.outlet.baseUrl)}</ul>
<div class="archive_content"><h1 class="box_title">${esc(d.title)}</h1>
${d.items.map((i) => `<div class="linear_news"><a class="title5" href="${esc(i.href)}">${esc(i.title)}</a><div class="lead_c">${esc(i.lead)}</div>${i.dateText ? `<span class="news_pdate_c">${esc(i.dateText)}</span>` : ''}</div>`).join('\n')}
${pager(d, 'page_navigation')}
</div>
<div class="news_sidebar"><div class="box_title">آخرین اخبار</div><ul>${linkList(d.latest)}</ul></div>
<div class="footer">${esc(footerText(d.outlet.nameFa))}</div></body></html>`;
  },
};

// ---------------------------------------------------------------------------------------------
// aasaam (ilna, rokna, fardanews, sharghdaily …)

const aasaam: Template = {
  name: 'aasaam',
  articlePath: (id, slug) => `/fa/news/${id}/${encodeURIComponent(slug)}`,
  articleKey: (path) => /^\/fa\/news\/(\d+)(\/|$)/.exec(path)?.[1] ?? null,
  listingPath: '/fa/archive',
  rssPath: '/fa/rss/allnews',
  atomPath: '/feeds/atom',
  articleUrlPattern: '^/fa/news/\\d+',
  renderArticle(d) {
    const a = d.page.article;
    return `<!DOCTYPE html>
<!-- Contact us ( job [at] aasaam [dot] com ) -->
<html lang="fa" dir="rtl">
<head>
${headTags(d)}
</head>
<body class="news">
<header class="site_header"><a href="/fa" class="brand">${esc(d.outlet.nameFa)}</a>
<nav class="main_nav"><ul>${menuHtml(d.outlet.baseUrl)}</ul></nav></header>
<div class="breadcrumb"><ul class="breadcrumb_list"><li><a href="/fa">خانه</a></li><li><a href="/fa/service/${d.page.numericId % 5}">${esc(d.page.section)}</a></li></ul></div>
<main>
<article class="article_news">
<header class="article_header">
${a.kicker ? `<h2 class="uptitle">${esc(a.kicker)}</h2>` : ''}
<h1 class="title">${esc(a.title)}</h1>
${d.page.dateText ? `<div class="news_nav_title">${d.page.iso ? `<time datetime="${d.page.iso}">${esc(d.page.dateText)}</time>` : `<span class="news_time">${esc(d.page.dateText)}</span>`}</div>` : ''}
<div class="sec_info">کد خبر: ${d.page.numericId}</div>
</header>
<p class="lead">${esc(a.lead)}</p>
<div class="primary_files"><img src="/files/${d.page.numericId}.jpg" alt="${esc(a.title)}"></div>
<div class="article_body">
<div id="echo_detail" class="echo_detail">
${bodyHtml(d, 'tinyurl_form related_inline')}
</div>
</div>
<div class="article_tag"><a href="/fa/tag/1">شهری</a> <a href="/fa/tag/2">${esc(d.page.section)}</a></div>
${shareHtml('share_news')}
<div class="short_link_cnt">لینک کوتاه: ${esc(d.outlet.baseUrl)}/fa/tiny/news-${d.page.numericId}</div>
</article>
<section class="comments_section">${commentsHtml(d, 'comments', 'comment_item', 'comment_author', 'comment_date', 'comment_text')}</section>
</main>
<aside class="sidebar">
<section class="news_list"><h3>آخرین اخبار</h3><ul>${linkList(d.latest)}</ul></section>
<section class="news_list most_visited"><h3>پربازدیدها</h3><ul>${linkList(d.popular)}</ul></section>
</aside>
<footer class="site_footer"><p>${esc(footerText(d.outlet.nameFa))}</p></footer>
</body></html>`;
  },
  renderListing(d) {
    return `${listingHead(d)}
<body class="archive"><nav class="main_nav"><ul>${menuHtml(d.outlet.baseUrl)}</ul></nav>
<main><h1>${esc(d.title)}</h1>
${d.items.map((i) => `<article class="news_item"><h2><a href="${esc(i.href)}">${esc(i.title)}</a></h2><p class="lead">${esc(i.lead)}</p>${i.dateText ? `<span class="news_time">${esc(i.dateText)}</span>` : ''}</article>`).join('\n')}
${pager(d, 'pagination')}
</main><aside class="sidebar"><h3>آخرین اخبار</h3><ul>${linkList(d.latest)}</ul></aside>
<footer class="site_footer">${esc(footerText(d.outlet.nameFa))}</footer></body></html>`;
  },
};

// ---------------------------------------------------------------------------------------------
// WordPress (many provincial sites)

const pad2 = (n: number) => String(n).padStart(2, '0');

const wordpress: Template = {
  name: 'wordpress',
  // Permalinks use the server's (Gregorian, UTC here) date: a WordPress default.
  articlePath: (_id, slug, published) =>
    `/${published.getUTCFullYear()}/${pad2(published.getUTCMonth() + 1)}/${pad2(published.getUTCDate())}/${encodeURIComponent(slug)}/`,
  articleKey: (path) => (/^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/?$/.test(path) ? path.replace(/\/?$/, '/') : null),
  listingPath: '/archive',
  rssPath: '/feed/',
  atomPath: '/feed/atom/',
  articleUrlPattern: '^/\\d{4}/\\d{2}/\\d{2}/[^/]+',
  renderArticle(d) {
    const a = d.page.article;
    const id = d.page.numericId;
    // WordPress has no lead slot: the lead is the first, bold paragraph of the content.
    return `<!DOCTYPE html>
<html dir="rtl" lang="fa-IR">
<head>
${headTags(d)}
<link rel="shortlink" href="${esc(d.outlet.baseUrl)}/?p=${id}">
</head>
<body class="post-template-default single single-post postid-${id} single-format-standard rtl">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">${esc(d.outlet.nameFa)}</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">${menuHtml(d.outlet.baseUrl)}</ul></nav></header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-${id}" class="post-${id} post type-post status-publish format-standard has-post-thumbnail hentry category-news">
<header class="entry-header">
${a.kicker ? `<h2 class="entry-sub-title">${esc(a.kicker)}</h2>` : ''}
<h1 class="entry-title">${esc(a.title)}</h1>
<div class="entry-meta">${d.page.dateText ? `<span class="posted-on">${d.page.iso ? `<time class="entry-date published" datetime="${d.page.iso}">${esc(d.page.dateText)}</time>` : `<span class="date">${esc(d.page.dateText)}</span>`}</span>` : ''} <span class="byline">نویسنده: <span class="author vcard"><a class="url fn n" href="/author/admin/">تحریریه</a></span></span></div>
</header>
<div class="post-thumbnail"><img src="/wp-content/uploads/${id}.jpg" class="attachment-post-thumbnail wp-post-image" alt=""></div>
<div class="entry-content">
<p><strong>${esc(a.lead)}</strong></p>
${bodyHtml(d, 'yarpp-related')}
</div>
<footer class="entry-footer"><span class="cat-links">دسته‌بندی: <a href="/category/news/" rel="category tag">${esc(d.page.section)}</a></span> <span class="tags-links">برچسب‌ها: <a href="/tag/city/" rel="tag">شهری</a></span></footer>
</article>
${shareHtml('sharedaddy sd-sharing-enabled')}
<nav class="navigation post-navigation"><div class="nav-links">${d.latest[0] ? `<div class="nav-previous"><a href="${esc(d.latest[0].href)}" rel="prev">${esc(d.latest[0].title)}</a></div>` : ''}</div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">دیدگاه‌ها</h2><ol class="comment-list">
${commentsFor(id, d.page.dateText ?? '').map((c, i) => `<li id="comment-${id}${i}" class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">${esc(c.author)}</b></footer><div class="comment-content"><p>${esc(c.text)}</p></div></article></li>`).join('\n')}
</ol></div>
</main></div>
<aside id="secondary" class="widget-area">
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">نوشته‌های تازه</h2><ul>${linkList(d.latest)}</ul></section>
<section id="popular-2" class="widget widget_popular"><h2 class="widget-title">پربازدیدها</h2><ul>${linkList(d.popular)}</ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">${esc(footerText(d.outlet.nameFa))} | قدرت گرفته از وردپرس</div></footer>
</div>
</body></html>`;
  },
  renderListing(d) {
    return `${listingHead(d)}
<body class="archive category rtl"><nav class="main-navigation"><ul class="menu">${menuHtml(d.outlet.baseUrl)}</ul></nav>
<main id="main" class="site-main"><header class="page-header"><h1 class="page-title">${esc(d.title)}</h1></header>
${d.items.map((i) => `<article class="post type-post"><header class="entry-header"><h2 class="entry-title"><a href="${esc(i.href)}" rel="bookmark">${esc(i.title)}</a></h2></header><div class="entry-summary"><p>${esc(i.lead)}</p></div></article>`).join('\n')}
${pager(d, 'nav-links')}
</main><aside class="widget-area"><h2 class="widget-title">نوشته‌های تازه</h2><ul>${linkList(d.latest)}</ul></aside>
<footer class="site-footer">${esc(footerText(d.outlet.nameFa))}</footer></body></html>`;
  },
};

// ---------------------------------------------------------------------------------------------
// StudioKhabar (jahannews, baharnews …): no feed known; pages by id.

const studiokhabar: Template = {
  name: 'studiokhabar',
  articlePath: (id) => `/fa/news/${id}`,
  articleKey: (path) => /^\/fa\/news\/(\d+)(\/|$)/.exec(path)?.[1] ?? null,
  listingPath: '/fa/archive',
  rssPath: '/fa/rss',
  atomPath: '/fa/atom',
  articleUrlPattern: '^/fa/news/\\d+',
  renderArticle(d) {
    const a = d.page.article;
    return `<!DOCTYPE html>
<html dir="rtl">
<head>
${headTags(d)}
</head>
<body>
<div id="header"><div class="logo"><a href="/">${esc(d.outlet.nameFa)}</a></div>
<ul class="nav_menu">${menuHtml(d.outlet.baseUrl)}</ul></div>
<div class="container"><div class="col-lg-36">
<div class="doc_content">
<div class="doc-section-info"><a href="/">صفحه نخست</a> » <a href="/fa/section/${d.page.numericId % 9}">${esc(d.page.section)}</a></div>
${a.kicker ? `<div id="docDiv3TitrRou">${esc(a.kicker)}</div>` : ''}
<h1 id="docDiv3TitrMain">${esc(a.title)}</h1>
${d.page.dateText ? `<div class="doc_date">${esc(d.page.dateText)}</div>` : ''}
<div id="docDivLead1"><div>${esc(a.lead)}</div></div>
<div id="doc_div1Img"><img src="/files/${d.page.numericId}.jpg" alt=""></div>
<div id="doctextarea"><article>
${bodyHtml(d, 'docRelated')}
</article></div>
<div class="tags"><a href="/fa/tags/1">شهری</a> <a href="/fa/tags/2">${esc(d.page.section)}</a></div>
${shareHtml('doc_share')}
<div class="doc_comments">${commentsHtml(d, 'comments_box', 'comment_row', 'comment_name', 'comment_date', 'comment_text')}</div>
</div>
</div>
<div class="col-lg-12 sidebar">
<div class="box"><div class="box_header">آخرین اخبار</div><ul>${linkList(d.latest)}</ul></div>
<div class="box"><div class="box_header">پربازدیدترین‌ها</div><ul>${linkList(d.popular)}</ul></div>
</div></div>
<div id="footer">${esc(footerText(d.outlet.nameFa))} — طراحی و تولید: استودیو خبر</div>
</body></html>`;
  },
  renderListing(d) {
    return `${listingHead(d)}
<body><ul class="nav_menu">${menuHtml(d.outlet.baseUrl)}</ul>
<div class="archive_list"><h1>${esc(d.title)}</h1>
${d.items.map((i) => `<div class="doc_item"><div class="doc_title"><a href="${esc(i.href)}">${esc(i.title)}</a></div><div class="doc_lead">${esc(i.lead)}</div>${i.dateText ? `<div class="doc_date">${esc(i.dateText)}</div>` : ''}</div>`).join('\n')}
${pager(d, 'doc_pages')}
</div><div class="sidebar"><div class="box_header">آخرین اخبار</div><ul>${linkList(d.latest)}</ul></div>
<div id="footer">${esc(footerText(d.outlet.nameFa))}</div></body></html>`;
  },
};

export const TEMPLATES: Record<TemplateName, Template> = { nastooh, iransamaneh, aasaam, wordpress, studiokhabar };

/** A Persian slug from a title: words joined by "-", punctuation dropped (as these CMSs do). */
export function slugify(title: string): string {
  return title
    .replace(/[«»:،؛؟!?.,"'()\[\]]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .join('-');
}

