/** How the matcher's cost grows with the number of aliases (10%, 50%, 100%) on the 1 MB page. */
import type { GeneratedPage } from './pages';

export interface AliasGrowth {
  text: string;
}

export async function growthByAliases(_index: unknown, _aliases: string[], _page: GeneratedPage, _rounds: number): Promise<AliasGrowth> {
  throw new Error('src/matching/index.ts does not exist yet');
}
