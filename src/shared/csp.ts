// The renderer's Content-Security-Policy, sent by Electron main and by `sessions serve` alike:
// own scripts and style sheets only (no inline ones: React's style props go through CSSOM, which
// CSP allows), no remote anything, no framing.

/** The policy of every page we serve. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
