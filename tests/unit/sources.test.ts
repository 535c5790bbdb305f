import { describe, expect, test } from 'vitest';
import countries from 'world-countries';
import { assembleKnowledge, type DatasetCountry } from '../../src/knowledge/assemble';
import { formatProblem } from '../../src/knowledge/model';
import { weakSource } from '../../src/knowledge/sources';
import { loadKnowledge } from '../../scripts/knowledge-files';

describe('sources come from a publisher that stands behind them', () => {
  test.each([
    'https://en.wikipedia.org/wiki/William_Ruto',
    'https://www.reuters.com/world/africa/kenya-ruto-sworn-2022-09-13/',
    'https://www.mofa.go.jp/press/release/',
    'https://news.un.org/en/story/2023/01/1132412',
    'https://www.monitor.co.ug/uganda/news/william-ruto-sworn-in-3947128',
  ])('%s is accepted', (url) => {
    expect(weakSource(url)).toBeNull();
  });

  test.each([
    ['https://simple.wikipedia.org/wiki/Prime_Minister_of_Japan', /Simple English/],
    ['https://simple.m.wikipedia.org/wiki/Tar%C5%8D_K%C5%8Dno', /Simple English/],
    ['https://en.m.wikipedia.org/wiki/Shahid_Khaqan_Abbasi', /mobile Wikipedia/],
    ['https://de.wikipedia.org/wiki/Olaf_Scholz', /not the English Wikipedia/],
    ['http://chaos.owiki.org/wiki/Cabinet_of_Kenya', /copy or an aggregator/],
    ['https://www.wikiwand.com/en/William_Ruto', /copy or an aggregator/],
    ['https://web.archive.org/web/2020/https://www.reuters.com/x', /copy or an aggregator/],
    ['https://allafrica.com/stories/202209130123.html', /copy or an aggregator/],
    ['https://panafricannews.blogspot.com/2025/04/x.html', /copy or an aggregator/],
    ['https://www.urdupoint.com/en/world/x.html', /copy or an aggregator/],
    ['https://www.mapsofindia.com/my-india/government/list-of-presidents-of-india', /copy or an aggregator/],
    ['https://www.staging.libe.io/politique/gouvernement-lecornu', /staging/],
    ['https://preview.example-news.com/a', /staging/],
    ['not a url', /not a URL/],
  ])('%s is refused', (url, why) => {
    expect(weakSource(url)).toMatch(why);
  });

  test('the build refuses a part whose office cites a weak source, naming the entry and field', () => {
    const part = {
      people: [{
        wikipedia: 'Test Person', name: 'Test Person', surname: 'Person', country: 'KEN', summary: 'A person made up for this test only.',
        offices: [{ title: 'President of Kenya', roles: ['head_of_state'], country: 'KEN', start: '2010-01-01', end: null, source: 'https://en.m.wikipedia.org/wiki/Test' }],
      }],
    };
    const { problems } = assembleKnowledge([{ file: 'meta.json', data: { asOf: '2026-11-30' } }, { file: 'p.json', data: part }], countries as unknown as DatasetCountry[]);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/p\.json, entry "Test Person", field offices\.0\.source: .*mobile Wikipedia/)]);
  });

  test('no weak source is left in the bundled knowledge', () => {
    const { knowledge } = loadKnowledge();
    const weak = [
      ...knowledge.people.flatMap((p) => p.offices.map((o) => [p.wikipedia, o.source] as const)),
      ...knowledge.events.map((e) => [e.id, e.source] as const),
      ...knowledge.vacancies.map((v) => [`${v.country} ${v.role}`, v.source] as const),
    ].filter(([, url]) => weakSource(url)).map(([id, url]) => `${id}: ${url}`);
    expect(weak).toEqual([]);
  });
});
