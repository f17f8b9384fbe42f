// Every keyboard shortcut, as the `?` overlay lists them. The keyboard handler (use-keyboard.ts)
// implements them; a test holds the two together.

/** True on macOS, where Cmd stands for Ctrl and Cmd+[ / Cmd+] go back and forward. */
export function isMac(nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator): boolean {
  return /Mac|iPhone|iPad/.test(nav.platform || nav.userAgent);
}

/** One line of the overlay: the keys (alternatives separated) and what they do. */
export interface Shortcut {
  keys: string[][];
  does: string;
}

/** The shortcuts in groups, with the platform's modifier names. */
export function shortcutGroups(mac: boolean): { title: string; shortcuts: Shortcut[] }[] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    {
      title: 'Find your way',
      shortcuts: [
        { keys: [[mod, 'K'], ['/']], does: 'Filter the list (the box)' },
        { keys: [['Enter']], does: 'In the box: search all sessions; in the list: open' },
        { keys: [[mod, 'Shift', 'F']], does: 'Search inside every session' },
        { keys: [['↓'], ['j']], does: 'Next session or result' },
        { keys: [['↑'], ['k']], does: 'Previous session or result' },
        {
          keys: mac
            ? [
                ['⌘', '['],
                ['⌘', ']'],
              ]
            : [
                ['Alt', '←'],
                ['Alt', '→'],
              ],
          does: 'Back / forward between opened sessions',
        },
        { keys: [['Esc']], does: 'Close, or go back to where you were' },
      ],
    },
    {
      title: 'In a session',
      shortcuts: [
        { keys: [[mod, 'F']], does: 'Find in this transcript' },
        { keys: [['n'], ['F3']], does: 'Next search hit (or find match)' },
        {
          keys: [
            ['Shift', 'N'],
            ['Shift', 'F3'],
          ],
          does: 'Previous search hit (or find match)',
        },
        { keys: [['c']], does: 'Copy as Markdown' },
        { keys: [['e']], does: 'Export (Save As… or Download)' },
        { keys: [['s']], does: 'Star or unstar' },
        { keys: [['r']], does: 'Display name, tags and note' },
        { keys: [['Delete']], does: 'Delete (Undo puts it back)' },
      ],
    },
    {
      title: 'Anywhere',
      shortcuts: [
        { keys: [['?']], does: 'Show these shortcuts' },
        { keys: [['Tab'], ['Shift', 'Tab']], does: 'Move between controls' },
      ],
    },
  ];
}
