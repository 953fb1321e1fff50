// An ending's rating for a role said in words a student understands, and the verdict line for the role.
import type { ObjectiveScore, Scenario } from '../engine/index.js';

const actorName = (sc: Scenario, id: string) => sc.def.actors[sc.actorIndex.get(id) ?? -1]?.name ?? id;

/** The word for each rating a scenario may give an ending, from −2 to +2. */
export const RATING_WORDS: Readonly<Record<string, string>> = { '-2': 'disaster', '-1': 'setback', '0': 'stalemate', '1': 'gain', '2': 'triumph' };

/** pure; "−2" / "0" / "+1" with a true minus sign. */
export function ratingNumber(r: number): string {
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : '0';
}

/** pure; the word for a rating ("setback"); ratings outside −2..+2 take the word of the nearest end. */
export function ratingWord(r: number): string {
  return RATING_WORDS[String(Math.max(-2, Math.min(2, Math.round(r))))]!;
}

/** pure; "a setback" / "a triumph" (with its article). */
function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** pure; "For South Korea this ending is a setback: −2". */
export function ratingLine(sc: Scenario, actor: string, rating: number): string {
  return `For ${actorName(sc, actor)} this ending is ${withArticle(ratingWord(rating))}: ${ratingNumber(rating)}`;
}

/** pure; the role's verdict: the ending's word for it and how its objectives fared ("A setback for South Korea: 2 of 3 objectives met, 9 of 20 points."). */
export function verdictLine(sc: Scenario, score: ObjectiveScore, rating: number | undefined): string {
  const own = score.objectives.filter((o) => o.kind === 'objective');
  const met = own.filter((o) => o.met).length;
  const name = actorName(sc, score.actor);
  const head = rating === undefined ? `Verdict for ${name}` : `${withArticle(ratingWord(rating)).replace(/^./, (c) => c.toUpperCase())} for ${name}`;
  const objectives = own.length ? `${met} of ${own.length} objective${own.length === 1 ? '' : 's'} met, ` : '';
  return `${head}: ${objectives}${score.score} of ${score.max} points.`;
}
