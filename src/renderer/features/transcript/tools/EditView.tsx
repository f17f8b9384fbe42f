// A file edit: the path, then a diff of each old text against its new text (removed lines, added
// lines, unchanged ones between), collapsed when long.
import { useMemo } from 'react';
import { showAllLabel } from '../collapse';
import { useViewState } from '../TranscriptContext';
import { diffRows, type DiffRow } from './diff-rows';
import { ShowAllToggle } from '../blocks/ShowAllToggle';
import { ToolPath } from './ToolPath';

/** Rows shown before "Show all". */
const DIFF_PREVIEW_ROWS = 40;

function Diff({ before, after, viewKey }: { before: string; after: string; viewKey: string }) {
  const view = useViewState();
  const rows = useMemo(() => diffRows(before, after), [before, after]);
  const expanded = view.isOpen(viewKey);
  const shown: DiffRow[] = expanded ? rows : rows.slice(0, DIFF_PREVIEW_ROWS);
  const added = rows.filter((r) => r.kind === 'add').length;
  const removed = rows.filter((r) => r.kind === 'del').length;
  return (
    <div className="diff" data-testid="diff">
      <div className="diff-stats" data-find-skip="">
        <span className="diff-added">+{added}</span> <span className="diff-removed">−{removed}</span>
      </div>
      <pre className="diff-rows" data-section={viewKey} data-section-kind="diff">
        {shown.map((row, i) => (
          <div key={i} className={`diff-row diff-${row.kind}`} data-diff={row.kind}>
            {row.text}
            {'\n'}
          </div>
        ))}
      </pre>
      {rows.length > DIFF_PREVIEW_ROWS && !expanded && (
        <ShowAllToggle
          open={false}
          label={showAllLabel(rows.length)}
          onToggle={() => view.set(viewKey, true)}
        />
      )}
    </div>
  );
}

/** Edits `edits` of file `path`; `base` is the call's key prefix ("m.b."). */
export function EditView({
  path,
  edits,
  base,
}: {
  path: string;
  edits: { old: string; new: string }[];
  base: string;
}) {
  return (
    <>
      <ToolPath path={path} section={`${base}path`} />
      {edits.map((edit, i) => (
        <Diff key={i} before={edit.old} after={edit.new} viewKey={`${base}diff${i}`} />
      ))}
    </>
  );
}
