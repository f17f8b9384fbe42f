// The menu: Open Folder… on CmdOrCtrl+O, Quit, Edit, View; developer tools only in dev.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu';

/** Every item of the template, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

describe('menuTemplate', () => {
  it('has File > Open Folder… on CmdOrCtrl+O calling back, and Quit', () => {
    const onOpenFolder = vi.fn();
    const template = menuTemplate({ onOpenFolder, dev: false, mac: false });
    const file = template.find((m) => m.label === 'File');
    const open = items([file ?? {}]).find((i) => i.label === 'Open Folder…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    open?.click?.({} as never, undefined, {} as never);
    expect(onOpenFolder).toHaveBeenCalledOnce();
    expect(items([file ?? {}]).some((i) => i.role === 'quit')).toBe(true);
  });

  it('has Edit (copy and paste) and View (reload) menus', () => {
    const all = items(menuTemplate({ onOpenFolder: vi.fn(), dev: false, mac: false }));
    expect(all.some((i) => i.role === 'editMenu')).toBe(true);
    expect(all.some((i) => i.role === 'reload')).toBe(true);
  });

  it('offers developer tools only in dev', () => {
    const roles = (dev: boolean) =>
      items(menuTemplate({ onOpenFolder: vi.fn(), dev, mac: false })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('starts with the application menu on macOS', () => {
    expect(menuTemplate({ onOpenFolder: vi.fn(), dev: false, mac: true })[0]?.role).toBe('appMenu');
    expect(menuTemplate({ onOpenFolder: vi.fn(), dev: false, mac: false })[0]?.label).toBe('File');
  });
});
