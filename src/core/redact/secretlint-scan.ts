// Secrets found by secretlint's recommended rules (provider API keys, cloud credentials, tokens,
// private keys, passwords in URLs and connection strings) and, when asked, its home-folder rule,
// run as a library over plain text. Its comment filter is left out: a transcript that writes
// "secretlint-disable" must not switch redaction off.
import { lintSource } from '@secretlint/core';
import { creator as homedirRule } from '@secretlint/secretlint-rule-no-homedir';
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';

/** One secret's place in the scanned text and its kind ("github-token", "aws-access-key-id"). */
export interface Hit {
  start: number;
  end: number;
  kind: string;
}

/** "AWSAccessKeyID" -> "aws-access-key-id", "GITHUB_TOKEN" -> "github-token". */
export function kindOf(messageId: string): string {
  return messageId
    .replace(/_/g, '-')
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/-+/g, '-')
    .toLowerCase();
}

/** The preset's comment filter, left out: it would obey "secretlint-disable" in a transcript. */
const FILTER_COMMENTS = '@secretlint/secretlint-rule-filter-comments';

/** Each rule of the recommended preset on its own, so that one can be left out (the preset's own
 * per-rule `disabled` is not honoured by @secretlint/core 11). */
const RULES: SecretLintCoreConfig['rules'] = recommendedRules
  .filter((rule) => rule.meta.id !== FILTER_COMMENTS)
  .map((rule) => ({
    id: rule.meta.id,
    rule,
    // Access key and account ids too: a transcript should not name them either.
    options: rule.meta.id === '@secretlint/secretlint-rule-aws' ? { enableIDScanRule: true } : {},
  }));

function config(homeDir: string | null): SecretLintCoreConfig {
  if (homeDir === null) return { rules: RULES };
  const home = {
    id: '@secretlint/secretlint-rule-no-homedir',
    rule: homedirRule,
    options: { _debugHomeDir: homeDir },
  };
  return { rules: [...RULES, home] };
}

/** Every secret secretlint finds in `text`; `homeDir` adds the home folder path as one. */
export async function secretlintHits(text: string, homeDir: string | null): Promise<Hit[]> {
  const result = await lintSource({
    // Named as an .npmrc so that the npm rule also looks for `_authToken=` lines, which a
    // transcript quotes from anywhere; no other rule reads the name.
    source: { content: text, filePath: 'transcript.npmrc', ext: '.npmrc', contentType: 'text' },
    options: { config: config(homeDir), noPhysicFilePath: true },
  });
  return result.messages.map((m) => ({
    start: m.range[0],
    end: m.range[1],
    kind: m.messageId === 'HOMEDIR' ? 'home-path' : kindOf(m.messageId),
  }));
}
