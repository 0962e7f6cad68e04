/** The YAML front matter of a Markdown file (skills, rules, instruction files), never throwing. */
import { parse } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  problem?: string;
}

export function splitFrontMatter(text: string): FrontMatter {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { data: {}, body: text };
  try {
    const data = parse(match[1]) as unknown;
    return {
      data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
      body: text.slice(match[0].length),
    };
  } catch (error) {
    return {
      data: {},
      body: text.slice(match[0].length),
      problem: `its front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`,
    };
  }
}
