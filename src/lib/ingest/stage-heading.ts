import { parseStage, type Stage } from './fields.ts';
import { normalizeCode } from './normalize.ts';

/**
 * A row that heads the questions of one stage, as the published table lays them out: one filled
 * cell naming a stage by its word (`①事業計画段階`, `事業実施段階`, `振り返り`). A number alone (`1`,
 * `①`) is no heading: it is a question's number on a row left unrated.
 */
export function stageHeading(fields: readonly string[]): { stage: Stage; text: string } | null {
  let text: string | undefined;
  for (const field of fields) {
    if (field.trim() === '') continue;
    if (text !== undefined) return null;
    text = field.trim();
  }
  if (text === undefined || /^\d+[.、)]?$/.test(normalizeCode(text).replace(/\s/g, ''))) return null;
  const stage = parseStage(text);
  return stage ? { stage, text } : null;
}
