// The app's choice of sources: remembered settings, the environment and --dir, in that order; the
// Sources menu's entries and what its clicks change.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sourcesHome } from '../../test/support/source-home';
import { tempDir } from '../../test/support/fixtures';
import { appSources, menuEntries, withSource } from './app-sources';
import { loadSettings, saveSettings } from './settings';
import { sourcesMenu } from './sources-menu';

const startup = (home: string, argv: string[] = [], env: NodeJS.ProcessEnv = {}) => ({
  argv,
  env: { HOME: home, ...env },
  cwd: '/',
});

describe('app sources', () => {
  it('reads every source found, unless the settings turn one off or point it elsewhere', () => {
    const home = sourcesHome();
    expect(appSources({}, startup(home)).map((s) => s.name)).toEqual(['ggcode', 'claude', 'codex']);
    const settings = withSource(withSource({}, 'codex', { enabled: false }), 'claude', {
      dir: join(home, '.claude'),
    });
    expect(appSources(settings, startup(home))).toEqual([
      { name: 'ggcode', roots: [join(home, '.ggcode', 'sessions')] },
      { name: 'claude', roots: [join(home, '.claude', 'projects')] },
    ]);
    expect(appSources({ sessionsDir: '/kept' }, startup(home, ['--dir', '/flag']))[0]).toEqual({
      name: 'ggcode',
      roots: ['/flag'],
    });
    expect(appSources({}, startup(home, [], { TRANSCRIPTS_SOURCES: 'claude' })).map((s) => s.name)).toEqual([
      'claude',
    ]);
    expect(appSources({ sources: { ggcode: { enabled: false } } }, startup(home)).map((s) => s.name)).toEqual(
      ['claude', 'codex'],
    );
  });

  it('remembers only what differs from the defaults', () => {
    let s = withSource({}, 'claude', { enabled: false });
    expect(s).toEqual({ sources: { claude: { enabled: false } } });
    s = withSource(s, 'claude', { enabled: true });
    expect(s).toEqual({});
    s = withSource(s, 'ggcode', { dir: '/g', enabled: true });
    expect(s).toEqual({ sessionsDir: '/g' });
    s = withSource(withSource(s, 'codex', { dir: '/c' }), 'codex', 'default-folder');
    expect(withSource(s, 'ggcode', 'default-folder')).toEqual({});
  });

  it('keeps the sources in the settings file, and drops damaged entries', async () => {
    const file = join(tempDir(), 'settings.json');
    await saveSettings(file, {
      sessionsDir: '/s',
      sources: { claude: { enabled: false }, codex: { dir: '/c' } },
    });
    await expect(loadSettings(file)).resolves.toEqual({
      sessionsDir: '/s',
      sources: { claude: { enabled: false }, codex: { dir: '/c' } },
    });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      JSON.stringify({
        sources: { claude: { enabled: 'no', dir: 3 }, '../x': { enabled: false }, codex: [] },
      }),
    );
    await expect(loadSettings(file)).resolves.toEqual({});
  });

  it('offers each source in the Sources menu, and clicks say what to change', () => {
    const entries = menuEntries({ sources: { codex: { dir: '/c' } } }, [
      { name: 'ggcode', roots: ['/g'] },
      { name: 'codex', roots: ['/c'] },
    ]);
    expect(entries).toEqual([
      { name: 'ggcode', label: 'ggcode', enabled: true },
      { name: 'claude', label: 'Claude Code', enabled: false },
      { name: 'codex', label: 'Codex CLI', enabled: true, dir: '/c' },
    ]);
    const actions = { onToggle: vi.fn(), onChooseFolder: vi.fn(), onDefaultFolder: vi.fn() };
    const menu = sourcesMenu(entries, actions);
    const items = (
      menu.submenu as { label?: string; checked?: boolean; enabled?: boolean; click?: (i: unknown) => void }[]
    ).filter((i) => i.label);
    expect(items.map((i) => i.label)).toEqual([
      'Read ggcode Sessions',
      'Choose ggcode Folder…',
      "Using ggcode's Default Folder",
      'Read Claude Code Sessions',
      'Choose Claude Code Folder…',
      "Using Claude Code's Default Folder",
      'Read Codex CLI Sessions',
      'Choose Codex CLI Folder…',
      "Use Codex CLI's Default Folder (now /c)",
    ]);
    expect(items[3]!.checked).toBe(false);
    items[3]!.click!({ checked: true });
    items[7]!.click!({});
    items[8]!.click!({});
    expect(actions.onToggle).toHaveBeenCalledWith('claude', true);
    expect(actions.onChooseFolder).toHaveBeenCalledWith('codex');
    expect(actions.onDefaultFolder).toHaveBeenCalledWith('codex');
    expect(items[2]!.enabled).toBe(false);
  });
});
