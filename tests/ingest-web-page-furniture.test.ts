// caselog ingest of a saved web page: the page's own date is its <time datetime> or published-time
// meta, not a date in the site's cookie banner; menus, sidebars and footers are no part of the
// document; a table's cells stay apart.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
beforeEach(() => { db = tempDb(); });

const ARTICLE = '<h1>China: Free Detained Citizen Journalist</h1>\n'
  + '<p class="byline">Human Rights Watch <time datetime="2020-09-15">September 15, 2020</time></p>\n'
  + '<p>(New York) Chinese authorities should immediately release the citizen journalist Chen Xiaoyu, Human Rights Watch said today.</p>\n'
  + '<p>His trial at the Wuhan District Court opened on September 8 but was adjourned the same day and postponed to October 20.</p>\n';
const PAGE = '<!DOCTYPE html><html><head><title>China | Human Rights Watch</title></head><body>\n'
  + '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>\n'
  + '<div class="cookie-banner"><div>We use cookies. Accept all cookies?</div> Updated 1 January 2024.</div>\n'
  + `<main><article>${ARTICLE}</article></main>\n`
  + '<aside><h3>Most Viewed</h3><ul><li><a href="/x">Hong Kong: Arrests on 1 July 2020 Condemned</a></li></ul></aside>\n'
  + '<footer><p>Region / Country | Privacy Policy | Contact Us</p></footer></body></html>\n';

const dryRun = async (name: string, text: string, today = '2020-09-16') => {
  const r = await caselog(['--json', 'ingest', fileOf(name, text), '--dry-run'], { db, today });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { source: { date: string | null }; candidates: Array<{ kind: string; date?: string; name?: string; label?: string }> };
};

describe('a saved news page with a cookie banner, a menu, a sidebar and a footer', () => {
  it('is dated by its <time datetime>, so its year-less dates fall in 2020', async () => {
    const p = await dryRun('page.html', PAGE);
    expect(p.source.date).toBe('2020-09-15');
    expect(p.candidates.filter((c) => c.kind === 'deadline').map((c) => c.date)).toEqual(['2020-10-20']);
  });

  it('is dated by article:published_time where it has no <time>', async () => {
    const page = PAGE.replace(/<time[^>]*>[^<]*<\/time>/, '')
      .replace('<head>', '<head><meta property="article:published_time" content="2020-09-15T08:00:00-04:00">');
    expect((await dryRun('page.html', page)).source.date).toBe('2020-09-15');
  });

  it('proposes nothing from the sidebar or the footer', async () => {
    const p = await dryRun('page.html', PAGE);
    expect(p.candidates.map((c) => c.name ?? '')).not.toContain('Contact Us');
    expect(p.candidates.filter((c) => c.kind === 'event').map((c) => c.date)).not.toContain('2020-07-01');
  });
});

describe('a table on a page', () => {
  it('keeps each cell apart from the next, so a labelled date is read as a date', async () => {
    const page = '<html><head><title>Case sheet</title></head><body><article><h1>Case sheet: Karim Adel</h1>'
      + '<p>Date: 2 October 2023</p><p>Karim Adel, a blogger, was arrested on 14 September 2023 in Giza.</p>'
      + '<table><tr><th>Next hearing</th><td>15 March 2024</td></tr></table></article></body></html>';
    const p = await dryRun('sheet.html', page, '2023-10-03');
    expect(JSON.stringify(p.candidates)).not.toContain('hearing15');
    expect(p.candidates.filter((c) => c.kind === 'deadline').map((c) => `${c.date} ${c.label}`)).toEqual(['2024-03-15 Next hearing']);
  });
});

describe('a page with no <main> or <article>', () => {
  it('keeps what a page-wide <form> holds (some sites wrap the whole page in one), less the site\'s header', async () => {
    const page = '<html><head><title>News</title></head><body><form id="page"><header><p>Site updated 1 January 2024.</p></header>'
      + '<p>Date: 2 October 2023</p><p>Karim Adel, a blogger, was arrested on 14 September 2023 in Giza.</p></form></body></html>';
    const p = await dryRun('page.html', page, '2023-10-03');
    expect(p.source.date).toBe('2023-10-02');
    expect(p.candidates.filter((c) => c.kind === 'event').map((c) => c.date)).toEqual(['2023-09-14']);
  });
});
