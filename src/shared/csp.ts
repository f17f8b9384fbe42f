// The renderer's Content-Security-Policy, sent by Electron main and by `sessions serve` alike:
// own scripts only, no remote anything, no framing.

/** The policy of every page we serve. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
