// The "N new messages" pill over the bottom of the transcript, shown while messages arrived below
// where the reader is; clicking it scrolls down to the first of them.

/** The pill. */
export function NewMessagesPill({ count, onShow }: { count: number; onShow(): void }) {
  return (
    <button type="button" className="new-messages" data-testid="new-messages" onClick={onShow}>
      {count.toLocaleString('en-US')} new {count === 1 ? 'message' : 'messages'} ↓
    </button>
  );
}
