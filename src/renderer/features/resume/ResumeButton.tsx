// "Copy resume command" in the transcript header: the command that continues the open session in
// its agent (claude --resume, codex resume), or a disabled button saying the agent has none.
import { noResumeReason, resumeCommand } from '../../../shared/resume';
import { useAppStore } from '../../store/store-context';

/** The button for session `id`. */
export function ResumeButton({ id }: { id: string }) {
  const summary = useAppStore((s) => s.sessions.find((x) => x.id === id));
  const copyResume = useAppStore((s) => s.copyResumeCommand);
  const sources = useAppStore((s) => s.info?.sources);
  const command = summary ? resumeCommand(summary, sources) : null;
  return (
    <button
      type="button"
      className="button"
      data-testid="copy-resume"
      disabled={command === null}
      title={command ?? noResumeReason(summary?.source)}
      onClick={() => void copyResume(id)}
    >
      Copy resume command
    </button>
  );
}
