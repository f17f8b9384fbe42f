// The button under a collapsed code block or diff: "Show all (N lines)" opens it, "Show less"
// closes it again. Find skips its label, which is not part of the transcript.

/** "Show all" (or, once `open`, "Show less"), calling `onToggle` when pressed. */
export function ShowAllToggle({
  open,
  label,
  onToggle,
}: {
  open: boolean;
  label: string;
  onToggle: () => void;
}) {
  const name = open ? 'show-less' : 'show-all';
  return (
    <button
      type="button"
      className={open ? name : `pill-button ${name}`}
      data-testid={name}
      data-find-skip=""
      onClick={onToggle}
    >
      {label}
    </button>
  );
}
