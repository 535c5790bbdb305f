/** Node-side reading of the knowledge files, shared by kb:check, kb:build and annotate. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import countries from 'world-countries';
import { assembleKnowledge, type DatasetCountry, type SourceFile } from '../src/knowledge/assemble';
import type { Problem } from '../src/knowledge/model';

export const KNOWLEDGE_DIR = join(import.meta.dirname, '..', 'assets', 'knowledge');

export function readKnowledgeFiles(dir = KNOWLEDGE_DIR): { files: SourceFile[]; problems: Problem[] } {
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = relative(process.cwd(), join(dir, name));
    try {
      files.push({ file, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) });
    } catch (e) {
      problems.push({ file, message: `is not valid JSON: ${(e as Error).message}` });
    }
  }
  return { files, problems };
}

export function loadKnowledge(dir = KNOWLEDGE_DIR) {
  const { files, problems } = readKnowledgeFiles(dir);
  const result = assembleKnowledge(files, countries as unknown as DatasetCountry[]);
  return { knowledge: result.knowledge, problems: [...problems, ...result.problems] };
}

/** Whether a person (by Wikipedia title) is in the deterministic `fraction` of the people (FNV-1a of the title): nested, a smaller fraction's people are all in a larger one's. */
export function keepPerson(wikipedia: string, fraction: number): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < wikipedia.length; i++) h = Math.imul(h ^ wikipedia.charCodeAt(i), 0x01000193) >>> 0;
  return h % 10_000 < fraction * 10_000;
}
