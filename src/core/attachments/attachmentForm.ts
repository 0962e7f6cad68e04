/** Builds an AttachmentForm: counts the text, keeps it only when small enough to reuse. */
import type { AttachmentForm } from './attachment';

export type CountTokens = (text: string) => number;

export function makeForm(description: string, text: string, countTokens: CountTokens, keepTextUpTo: number): AttachmentForm {
  const form: AttachmentForm = { description, tokens: countTokens(text) };
  if (text.length <= keepTextUpTo) form.text = text;
  return form;
}

/** A form that was not (or could not be) turned into text. */
export function emptyForm(description: string): AttachmentForm {
  return { description, tokens: 0 };
}
