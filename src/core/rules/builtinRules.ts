/** Every built-in rule, in the order their findings are listed when ranges tie. */
import type { Rule } from './rule';
import { contextWindow } from './builtin/contextWindow';
import { tokenBudget } from './builtin/tokenBudget';
import { energyBudget } from './builtin/energyBudget';
import { spreadsheetAttachment } from './builtin/spreadsheetAttachment';
import { largeJson } from './builtin/largeJson';
import { pastedLog } from './builtin/pastedLog';
import { wholeCodeFile } from './builtin/wholeCodeFile';
import { base64Blob } from './builtin/base64Blob';
import { largePart } from './builtin/largePart';
import { duplicateContent } from './builtin/duplicateContent';
import { unreferencedAttachment } from './builtin/unreferencedAttachment';
import { longHistory } from './builtin/longHistory';
import { pollutedHistory } from './builtin/pollutedHistory';
import { unboundedOutput } from './builtin/unboundedOutput';
import { oversizedModel } from './builtin/oversizedModel';
import { politenessTokens } from './builtin/politenessTokens';
import { unreadableAttachment } from './builtin/unreadableAttachment';

export const builtinRules: readonly Rule[] = [
  contextWindow,
  tokenBudget,
  energyBudget,
  unreadableAttachment,
  spreadsheetAttachment,
  largeJson,
  pastedLog,
  wholeCodeFile,
  base64Blob,
  largePart,
  duplicateContent,
  unreferencedAttachment,
  longHistory,
  pollutedHistory,
  unboundedOutput,
  oversizedModel,
  politenessTokens,
];
