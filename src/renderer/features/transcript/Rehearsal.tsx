// Opens a small made-up session once, while the page is idle and before any session is opened,
// into an element that is never attached to the document, then drops it. A fresh page's first
// open otherwise compiles and warms the code of every component, hook and parser on its way (see
// docs/decisions.md, "Opening a session"). Nothing of it is seen, focused or announced.
import { startTransition, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { TranscriptData } from '../../model/transcript-data';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { rehearsalPage } from './rehearsal-session';
import { TranscriptBody } from './TranscriptBody';
import { TranscriptHeader } from './TranscriptHeader';
import { whenIdle } from './when-idle';

/** The stores whose page has rehearsed, or has opened a session (which makes it pointless). */
const rehearsed = new WeakSet<object>();

interface Stage {
  target: HTMLElement;
  data: TranscriptData;
}

/** Draws the rehearsal for one idle slot once the list is ready, once per page. */
export function Rehearsal() {
  const store = useAppStoreApi();
  const opened = useAppStore((s) => s.transcript !== null);
  const listReady = useAppStore((s) => s.listState === 'ready');
  const [stage, setStage] = useState<Stage | null>(null);
  if (opened) rehearsed.add(store);

  useEffect(() => {
    if (rehearsed.has(store) || !listReady) return;
    return whenIdle(() => {
      if (rehearsed.has(store)) return;
      rehearsed.add(store);
      const data = new TranscriptData('rehearsal', rehearsalPage());
      // A transition: its render yields to the page, so a click meanwhile is not kept waiting.
      startTransition(() => setStage({ target: document.createElement('div'), data }));
    }, 3000);
  }, [store, listReady]);

  // Dropped at the next idle slot, once its effects have run.
  useEffect(() => (stage ? whenIdle(() => setStage(null), 1000) : undefined), [stage]);

  if (!stage || opened) return null;
  return createPortal(
    <>
      <TranscriptHeader session={stage.data.session} transcript={stage.data} />
      <TranscriptBody data={stage.data} />
    </>,
    stage.target,
  );
}
