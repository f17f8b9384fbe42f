// A Claude Code session's title, from the lines that name it: a title the user gave (/rename:
// `custom-title`, the last one wins), else the latest `ai-title`, else a `summary` of this very
// session (its leafUuid is one of the file's lines: summaries of other sessions also turn up),
// else the first real prompt.

/** The title candidates seen so far. */
export class TitleState {
  custom: string | undefined;
  ai: string | undefined;
  prompt: string | undefined;
  private readonly summaries: { leaf: string; text: string }[] = [];

  /** Takes what a `summary`, `custom-title` or `ai-title` line says. */
  line(type: string, line: Record<string, unknown>): void {
    if (type === 'custom-title' && typeof line.customTitle === 'string' && line.customTitle.trim())
      this.custom = line.customTitle.trim();
    else if (type === 'ai-title' && typeof line.aiTitle === 'string' && line.aiTitle.trim())
      this.ai = line.aiTitle.trim();
    else if (type === 'summary' && typeof line.summary === 'string' && line.summary.trim())
      this.summaries.push({
        leaf: typeof line.leafUuid === 'string' ? line.leafUuid : '',
        text: line.summary.trim(),
      });
  }

  /** The title; `ownsUuid` tells whether a summary's leaf is a line of this session. */
  resolve(ownsUuid: (uuid: string) => boolean): string {
    if (this.custom) return this.custom;
    if (this.ai) return this.ai;
    for (let i = this.summaries.length - 1; i >= 0; i--) {
      const s = this.summaries[i]!;
      if (ownsUuid(s.leaf)) return s.text;
    }
    return this.prompt ?? '';
  }
}
