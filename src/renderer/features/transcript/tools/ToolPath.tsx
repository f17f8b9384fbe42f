// A file path named by a tool call, shown as one line with its invisible characters revealed.
import { revealInvisible } from '../../../../shared/reveal-invisible';

/** `path` under the card's head; `section` names it for find. */
export function ToolPath({ path, section }: { path: string; section: string }) {
  return (
    <div className="tool-section tool-path-line">
      <bdi className="tool-path" data-section={section}>
        {revealInvisible(path)}
      </bdi>
    </div>
  );
}
