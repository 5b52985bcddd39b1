// Public entry of the Persian language core (issue #3). Other areas import only from here.
export { normalize } from './normalize.ts';
export { matchKey, matchKeyWithMap, originalSpan } from './match-key.ts';
export type { KeyWithMap } from './match-key.ts';
export { repairLigatures } from './ligatures.ts';
export { tokenize, splitSentences } from './tokenize.ts';
export type { Token, TokenKind, Sentence } from './tokenize.ts';
export {
  parseDate,
  toJalali,
  formatJalali,
  jalaliDayRange,
  parseJalaliDay,
  JALALI_MONTHS,
} from './dates.ts';
export type { ParseDateResult, ParseDateOptions, JalaliDay, FormatJalaliOptions } from './dates.ts';
export { tehranToUtc, tehranWallTime } from './tehran-time.ts';
