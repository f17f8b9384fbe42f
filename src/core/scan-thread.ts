// The scan thread's script (bundled as scan-thread.cjs / .js beside the main bundle): summarizes
// the batches of session files it is sent, with blocking reads, and answers each in order
// (a large file in parts: see threadOutcome).
import { parentPort } from 'node:worker_threads';
import { threadOutcome, type ScanBatch, type ScanOutcome, type ScanReply } from './scan-threads';

parentPort?.on('message', async (batch: ScanBatch) => {
  const outcomes: ScanOutcome[] = [];
  for (const job of batch.jobs) outcomes.push(await threadOutcome(job, batch.splitBytes, batch.prices));
  parentPort!.postMessage({ seq: batch.seq, outcomes } satisfies ScanReply);
});
