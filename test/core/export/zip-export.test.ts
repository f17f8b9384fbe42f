// Several sessions as one zip: each file as its single export (redaction included), names kept
// apart without regard to case, ids taken once, and clear errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportSession } from '../../../src/core/export/export-session';
import { exportZip } from '../../../src/core/export/export-zip';
import { JsonlStore } from '../../../src/core/store';
import { corpusCopy } from '../../support/fixtures';
import { secretCases } from '../../support/secret-corpus';

const TOOLS = '20261124-135052-d23db7e55539ac33';
const PLAIN = '20261124-135052-b3bc2eebd2d250e8';

function twin(dir: string, id: string, title: string, text: string): void {
  const line = (o: object) => JSON.stringify({ session_id: id, ...o }) + '\n';
  writeFileSync(
    join(dir, `${id}.jsonl`),
    line({
      type: 'meta',
      title,
      vendor: 'v',
      endpoint: 'e',
      model: 'm',
      created_at: '2026-12-01T10:00:00Z',
      updated_at: '2026-12-01T10:00:00Z',
    }) + line({ type: 'message', message: { role: 'user', content: [{ type: 'text', text }] } }),
  );
}

describe('zip export', () => {
  it('holds each session as its own export would be', async () => {
    const store = new JsonlStore(corpusCopy());
    const request = { format: 'html', redact: null } as const;
    const zip = await exportZip(store, [TOOLS, PLAIN, TOOLS], request);
    const files = unzipSync(zip.bytes);
    const tools = await exportSession(store, TOOLS, request);
    const plain = await exportSession(store, PLAIN, request);
    expect(Object.keys(files)).toEqual([tools.name, plain.name]);
    expect(strFromU8(files[tools.name]!)).toBe(tools.text);
    expect(strFromU8(files[plain.name]!)).toBe(plain.text);
  });

  it('keeps names apart whatever their case, and redacts every file', async () => {
    const dir = corpusCopy();
    const token = secretCases('/home/dev').find((c) => c.kind === 'github-token')!.secret;
    twin(dir, 'twin-a', 'Deploy', `a ${token}`);
    twin(dir, 'twin-b', 'deploy', `b ${token}`);
    twin(dir, 'twin-c', 'Deploy', 'c');
    const zip = await exportZip(new JsonlStore(dir), ['twin-a', 'twin-b', 'twin-c'], {
      format: 'md',
      redact: { emails: false, home: false },
    });
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files)).toEqual(['Deploy.md', 'deploy (2).md', 'Deploy (3).md']);
    for (const bytes of Object.values(files)) expect(strFromU8(bytes)).not.toContain(token);
    expect(zip.findings.map((f) => f.kind)).toEqual(['github-token', 'github-token']);
  });

  it('refuses no ids, too many, and fails on a missing session', async () => {
    const store = new JsonlStore(corpusCopy());
    const md = { format: 'md', redact: null } as const;
    await expect(exportZip(store, [], md)).rejects.toThrow('a zip takes 1 to 500 sessions');
    await expect(
      exportZip(
        store,
        Array.from({ length: 501 }, () => TOOLS),
        md,
      ),
    ).rejects.toThrow('1 to 500');
    await expect(exportZip(store, [TOOLS, 'nope'], md)).rejects.toThrow('session nope not found');
  });
});
