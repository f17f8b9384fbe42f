// Browser tests run functions inside the page (page.evaluate), so they need the DOM's types
// alongside Node's; tsconfig.node.json gives only ES2023.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
