// What find searches in a message: the text of each part exactly as it is drawn (a section), in
// the order drawn. A tool result is searched with the call it is drawn in; the sections' keys are
// the view-state keys of the parts, so a match can open what it is in.
import type { CutText, TranscriptCheckpoint, TranscriptMessage } from '../../../shared/transcript';
import { revealInvisible } from '../../../shared/reveal-invisible';
import { parseJson, prettyJson } from '../transcript/pretty-json';
import { diffRows, diffText } from '../transcript/tools/diff-rows';
import { toolShape } from '../transcript/tools/tool-shapes';
import { summaryTexts } from '../transcript/session-facts';
import { partKey } from '../../model/view-state';

/** One searchable part. */
export interface Section {
  /** Its view-state key, also its element's data-section. */
  key: string;
  text: string;
  /** Markdown is drawn as rendered HTML: a match there is found again in the drawn text. */
  markdown: boolean;
  /** The rest of a string cut from a huge line (its text is then ''): fetched a piece at a time
   * by `sessions:text` from `from` of message `message`, and searched as it comes. */
  rest?: { message: number; from: number };
}

const plain = (key: string, text: string): Section => ({ key, text, markdown: false });

/** The section of the rest of a cut string drawn as part `key` (CutRest draws it as plain text). */
const rest = (key: string, message: number, cut: CutText | undefined): Section[] =>
  cut ? [{ key: `${key}.rest`, text: '', markdown: false, rest: { message, from: cut.next } }] : [];

/** The sections of `message` in the order they are drawn; `messageAt` gives other loaded
 * messages (where a call's result is). */
export function messageSections(
  message: TranscriptMessage,
  messageAt: (index: number) => TranscriptMessage | undefined,
): Section[] {
  const sections: Section[] = [];
  message.blocks.forEach((block, b) => {
    const key = (part: string) => partKey(message.index, b, part);
    switch (block.kind) {
      case 'text':
        if (block.text.trim() !== '') sections.push({ key: key('text'), text: block.text, markdown: true });
        sections.push(...rest(key('text'), message.index, block.cut));
        break;
      case 'reasoning':
        sections.push({ key: key('thinking'), text: block.text, markdown: true });
        sections.push(...rest(key('thinking'), message.index, block.cut));
        break;
      case 'tool_call': {
        sections.push(plain(key('name'), revealInvisible(block.name)));
        const shape = toolShape(block.name, parseJson(block.input));
        switch (shape.kind) {
          case 'shell':
            sections.push(plain(key('command'), shape.command));
            break;
          case 'edit':
            sections.push(plain(key('path'), revealInvisible(shape.path)));
            shape.edits.forEach((edit, i) =>
              sections.push(plain(key(`diff${i}`), diffText(diffRows(edit.old, edit.new)))),
            );
            break;
          case 'write':
            sections.push(
              plain(key('path'), revealInvisible(shape.path)),
              plain(key('content'), shape.content),
            );
            break;
          case 'read':
            sections.push(plain(key('path'), revealInvisible(shape.path)));
            break;
          case 'search':
            sections.push(plain(key('pattern'), shape.pattern));
            if (shape.path !== '') sections.push(plain(key('where'), revealInvisible(shape.path)));
            break;
          case 'todo':
            sections.push(plain(key('todo'), shape.todos.map((t) => `${t.text}\n`).join('')));
            break;
          case 'generic':
            if (block.input !== null) sections.push(plain(key('input'), prettyJson(block.input)));
            break;
        }
        const at = block.result;
        const result = at ? messageAt(at.message)?.blocks[at.block] : undefined;
        if (at && result?.kind === 'tool_result') {
          const output = partKey(at.message, at.block, 'output');
          if (result.output !== '') sections.push(plain(output, result.output));
          sections.push(...rest(output, at.message, result.cut));
        }
        break;
      }
      case 'tool_result':
        if (block.call === null) {
          if (block.output !== '') sections.push(plain(key('output'), block.output));
          sections.push(...rest(key('output'), message.index, block.cut));
        }
        break;
      case 'image':
      case 'unknown':
        break;
    }
  });
  return sections;
}

/** The sections of the summaries of the checkpoints drawn at `position` (before message
 * `position`), keyed as CheckpointMarker draws them: `cp<position>.<checkpoint>.<text>`. */
export function checkpointSections(
  checkpoints: readonly TranscriptCheckpoint[],
  position: number,
): Section[] {
  const sections: Section[] = [];
  checkpoints
    .filter((checkpoint) => checkpoint.after_messages === position)
    .forEach((checkpoint, i) =>
      summaryTexts(checkpoint).forEach((text, j) =>
        sections.push({ key: `cp${position}.${i}.${j}`, text, markdown: true }),
      ),
    );
  return sections;
}
