// Static assets: the Vazirmatn font from the npm package (no CDN) and the stylesheet.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const FONT_FILE = 'Vazirmatn[wght].woff2';

export function fontPath(): string {
  return join(dirname(require.resolve('vazirmatn/package.json')), 'fonts', 'webfonts', FONT_FILE);
}

export const CSS = `
@font-face{font-family:Vazirmatn;src:url('/assets/vazirmatn.woff2') format('woff2-variations'),url('/assets/vazirmatn.woff2') format('woff2');font-weight:100 900;font-display:swap}
*{box-sizing:border-box}
body{margin:0;font-family:Vazirmatn,Tahoma,sans-serif;background:#f6f5f1;color:#1d1d1f;line-height:1.8}
a{color:#0b5394;text-decoration:none}a:hover{text-decoration:underline}
header.top{background:#1f3b57;color:#fff;padding:.6rem 1.5rem;display:flex;gap:1.5rem;align-items:center}
header.top a{color:#fff}header.top h1{font-size:1.2rem;margin:0}
main.wrap{display:grid;grid-template-columns:16rem 1fr;gap:1.5rem;padding:1rem 1.5rem;max-width:78rem;margin:auto}
form.search{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;background:#fff;padding:.8rem;border-radius:.5rem;box-shadow:0 1px 2px #0002}
form.search input[type=search]{flex:1 1 24rem;font:inherit;font-size:1.05rem;padding:.4rem .7rem;border:1px solid #aaa;border-radius:.4rem}
form.search select,form.search input[type=text],form.search button{font:inherit;padding:.3rem .5rem;border:1px solid #aaa;border-radius:.4rem;background:#fff}
form.search input[type=text]{width:8rem}
form.search button{background:#1f3b57;color:#fff;border-color:#1f3b57;padding:.35rem 1.2rem}
aside.facets section{background:#fff;border-radius:.5rem;padding:.5rem .8rem;margin-bottom:.8rem;box-shadow:0 1px 2px #0002}
aside.facets h2{font-size:.95rem;margin:.2rem 0}
aside.facets ul{list-style:none;margin:0;padding:0}
aside.facets li{display:flex;justify-content:space-between;font-size:.9rem}
aside.facets li.on a{font-weight:700}
.count{color:#666;font-size:.85rem}
.chips{display:flex;gap:.4rem;flex-wrap:wrap;margin-bottom:.6rem}
.chip{background:#e4ecf5;border-radius:1rem;padding:0 .7rem;font-size:.85rem}
ol.hits{list-style:none;margin:0;padding:0}
ol.hits li{background:#fff;border-radius:.5rem;padding:.7rem 1rem;margin-bottom:.7rem;box-shadow:0 1px 2px #0002}
ol.hits h3{margin:0;font-size:1.1rem}
.meta{font-size:.85rem;color:#555;display:flex;gap:.8rem;flex-wrap:wrap}
.snippet{margin:.3rem 0 0;font-size:.95rem}
mark{background:#ffe58a;color:inherit;padding:0 .1rem;border-radius:.2rem}
.triage{display:flex;gap:.4rem;align-items:center;margin-top:.4rem;font-size:.8rem;color:#555}.triage button{font:inherit;border:1px solid #bbb;background:#fff;border-radius:.3rem;padding:.1rem .5rem;cursor:pointer}.triage button:disabled{background:#1f3a5f;color:#fff;border-color:#1f3a5f;cursor:default}
.badge{background:#b3261e;color:#fff;border-radius:.3rem;padding:0 .4rem;font-size:.8rem}
.error.wide{grid-column:1/-1}
.error{background:#fde7e7;border:1px solid #e0a0a0;padding:.6rem 1rem;border-radius:.5rem}
.pages{display:flex;gap:1rem;justify-content:center;margin:1rem 0}
.summary{color:#444;margin:.2rem 0 .6rem}
table.list{border-collapse:collapse;background:#fff;width:100%}
table.list td,table.list th{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:right}
.single{max-width:60rem;margin:auto;padding:1rem 1.5rem}
@media (max-width:800px){main.wrap{grid-template-columns:1fr}}
`;
