// HTML and Markdown payloads that try to run script or fetch something when an export is opened,
// and a session carrying them in every field an export writes.
import { emptySession } from '../../src/core/load';
import type { Session } from '../../src/shared/types';

/** Each payload sets window.__pwned or requests https://evil.example if it ever takes effect. */
export const HTML_PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3"></svg>',
  '<iframe src="javascript:window.__pwned=4"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
  '[click](javascript:window.__pwned=6)',
  '<a href="javascript:window.__pwned=7">x</a>',
  '![pixel](https://evil.example/pixel.png)',
  '<img src="https://evil.example/img.png">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<style>@import url(https://evil.example/y.css); body{background:url(https://evil.example/z.png)}</style>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e">',
  '<details open ontoggle="window.__pwned=8">d</details>',
  '<form action="https://evil.example"><button>go</button></form>',
  '</code></pre></details><script>window.__pwned=9</script>',
  '</title></style><script>window.__pwned=10</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=11">',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '"><script>window.__pwned=12</script>',
  '<video poster="https://evil.example/p.png"></video><audio src="https://evil.example/a.mp3"></audio>',
];

/** A session with the payloads in its title, text, fenced code (and its language), tool names,
 * inputs and outputs, reasoning, and an image whose mime type tries to break out. */
export function hostileSession(id = 'hostile-html'): Session {
  const all = HTML_PAYLOADS.join('\n\n');
  return {
    ...emptySession(id),
    title: '</title><script>window.__pwned=13</script> <img src=x onerror="window.__pwned=14">',
    vendor: '<b onmouseover="window.__pwned=15">v</b>',
    endpoint: 'e',
    model: '<script>window.__pwned=16</script>',
    workspace: '/home/<script>x</script>',
    created_at: '2026-11-24T13:50:52Z',
    updated_at: '2026-11-24T13:50:52Z',
    messages: [
      { role: 'user', content: [{ type: 'text', text: all }] },
      {
        role: '<script>window.__pwned=17</script>',
        content: [
          {
            type: 'text',
            text: '```"><script>window.__pwned=18</script>\n<script>x</script>\n```',
            reasoning_content: all,
          },
          {
            type: 'tool_use',
            tool_name: '<img src=x onerror="window.__pwned=19">',
            tool_id: 't1',
            input: { cmd: all },
          },
        ],
      },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_id: 't1',
            output: all,
            is_error: true,
            images: [{ mime: 'image/png"><script>window.__pwned=20</script>', data: 'AAAA' }],
          },
          { type: 'image', image_mime: 'image/png', image_data: 'AAAA"><script>window.__pwned=21</script>' },
        ],
      },
    ],
  };
}
