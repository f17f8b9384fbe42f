// A separate process that appends messages to one session, for the concurrent-writer test.
import { JsonlStore } from '../../src/core/store';

async function main(): Promise<void> {
  const [dir, id, tag, countText, sizeText] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const store = new JsonlStore(dir);
  const session = await store.load(id);
  const filler = 'x'.repeat(Number(sizeText));
  for (let i = 0; i < Number(countText); i++) {
    await store.appendMessage(session, {
      role: 'user',
      content: [{ type: 'text', text: `${tag}-${i}-${filler}` }],
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
