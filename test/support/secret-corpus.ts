// The redaction corpus: secrets of many kinds, each as it would appear in a transcript, and
// look-alikes that must survive (hashes, UUIDs, base64 images, commit ids...). Secret values are
// generated from a seeded random source, so the repository holds no real-looking credential.
import { generateKeyPairSync } from 'node:crypto';

/** A deterministic source of characters. */
class Chars {
  private state: number;
  constructor(seed: number) {
    this.state = seed;
  }
  private next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  of(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const HEX = '0123456789abcdef';

/** A secret as it appears in text: `secret` is the part that must disappear. */
export interface SecretCase {
  name: string;
  kind: string;
  text: string;
  secret: string;
  /** Needs this redaction option. */
  option?: 'emails' | 'home';
}

/** A PEM block; key bodies start as real ones do (an ASN.1 sequence, or OpenSSH's magic), which
 * secretlint checks to tell keys from placeholders. */
function pem(label: string, c: Chars): string {
  const start = label.includes('OPENSSH') ? 'b3BlbnNzaC1rZXktdjEAAAAA' : 'MIIEowIBAAKCAQEA';
  const body = (start + c.of(B64, 6 * 64 - start.length)).match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}

// A 1Password service-account token: base64 JSON whose last group is the closing brace ("fQ==").
function opsToken(c: Chars): string {
  for (let pad = 0; ; pad++) {
    const json = JSON.stringify({
      email: `${'x'.repeat(pad)}@1passwordserviceaccounts.lcl`,
      muk: { k: c.of(ALNUM, 43) },
      secretKey: c.of(UPPER + DIGITS, 30),
      srpX: c.of(HEX, 64),
    });
    if (json.length % 3 === 1) return Buffer.from(json).toString('base64');
  }
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The secret cases, with `home` the home folder the home-path case uses. */
export function secretCases(home: string): SecretCase[] {
  const c = new Chars(20261201);
  const cases: SecretCase[] = [];
  const add = (
    name: string,
    kind: string,
    secret: string,
    around = (s: string) => `here it is: ${s} ok`,
    option?: SecretCase['option'],
  ) => cases.push({ name, kind, secret, text: around(secret), ...(option && { option }) });
  add('AWS access key id', 'aws-access-key-id', `AKIA${c.of(UPPER + DIGITS, 16)}`);
  add('AWS temporary access key id', 'aws-access-key-id', `ASIA${c.of(UPPER + DIGITS, 16)}`);
  add('AWS secret access key', 'aws-secret-access-key', c.of(B64, 40), (s) => `aws_secret_access_key = ${s}`);
  add(
    'AWS secret in an env line',
    'aws-secret-access-key',
    c.of(B64, 40),
    (s) => `export AWS_SECRET_ACCESS_KEY="${s}"`,
  );
  add('AWS account id', 'aws-account-id', `aws_account_id = ${c.of(DIGITS, 12)}`, (s) => s);
  add('GitHub personal token', 'github-token', `ghp_${c.of(ALNUM, 36)}`);
  add('GitHub OAuth token', 'github-token', `gho_${c.of(ALNUM, 36)}`);
  add('GitHub user-to-server token', 'github-token', `ghu_${c.of(ALNUM, 36)}`);
  add('GitHub server-to-server token', 'github-token', `ghs_${c.of(ALNUM, 36)}`);
  add('GitHub refresh token', 'github-token', `ghr_${c.of(ALNUM, 36)}`);
  add('GitHub fine-grained token', 'github-token', `github_pat_${c.of(ALNUM, 22)}_${c.of(ALNUM, 59)}`);
  add('npm access token', 'npm-access-token', `npm_${c.of(ALNUM, 36)}`);
  add(
    '.npmrc auth token',
    'npmrc-auth-token',
    c.of(ALNUM, 36),
    (s) => `//registry.npmjs.org/:_authToken=${s}`,
  );
  add('Slack bot token', 'slack-token', `xoxb-${c.of(DIGITS, 12)}-${c.of(DIGITS, 13)}-${c.of(ALNUM, 24)}`);
  add(
    'Slack user token',
    'slack-token',
    `xoxp-${c.of(DIGITS, 12)}-${c.of(DIGITS, 12)}-${c.of(DIGITS, 13)}-${c.of(HEX, 32)}`,
  );
  add(
    'Slack app token',
    'slack-token',
    `xapp-1-A${c.of(UPPER + DIGITS, 10)}-${c.of(DIGITS, 13)}-${c.of(HEX, 64)}`,
  );
  add(
    'Slack webhook',
    'incoming-webhook',
    `https://hooks.slack.com/services/T${c.of(UPPER + DIGITS, 8)}/B${c.of(UPPER + DIGITS, 8)}/${c.of(ALNUM, 24)}`,
  );
  add('SendGrid key', 'sendgrid-key', `SG.${c.of(ALNUM, 22)}.${c.of(ALNUM, 43)}`);
  add('Shopify access token', 'shopify-key', `shpat_${c.of(HEX, 32)}`);
  add('Shopify shared secret', 'shopify-key', `shpss_${c.of(HEX, 32)}`);
  add('OpenAI project key', 'openai-token', `sk-proj-${c.of(B64URL, 74)}T3BlbkFJ${c.of(B64URL, 74)}`);
  add('OpenAI legacy key', 'openai-token', `sk-${c.of(ALNUM, 20)}T3BlbkFJ${c.of(ALNUM, 20)}`);
  add('Anthropic API key', 'anthropic-api-key', `sk-ant-api03-${c.of(B64URL, 93)}AA`);
  add('Linear API key', 'linear-api-token', `lin_api_${c.of(ALNUM, 40)}`);
  add('1Password service account token', 'ops-token', `ops_${opsToken(c)}`);
  add('RSA private key', 'private-key', pem('RSA PRIVATE KEY', c), (s) => `key:\n${s}\n`);
  add('OpenSSH private key', 'private-key', pem('OPENSSH PRIVATE KEY', c), (s) => `${s}\n`);
  add('EC private key', 'private-key', pem('EC PRIVATE KEY', c), (s) => `${s}\n`);
  add('PKCS#8 private key', 'private-key', pem('PRIVATE KEY', c), (s) => `${s}\n`);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const gcpKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  add(
    'GCP service account key',
    'private-key',
    JSON.stringify(gcpKey).slice(1, -1),
    (s) =>
      `{"type": "service_account", "project_id": "p", "private_key_id": "${c.of(HEX, 40)}", "private_key": "${s}", "client_email": "a@p.iam.gserviceaccount.com"}`,
  );
  add(
    'password in a URL',
    'basic-auth',
    `https://deploy:${c.of(ALNUM, 14)}@ci.example.com`,
    (s) => `clone ${s}/repo.git`,
  );
  add(
    'PostgreSQL connection string',
    'postgre-sql-connection',
    `postgres://app:${c.of(ALNUM, 16)}@db.internal:5432/app`,
  );
  add('MySQL connection string', 'my-sql-connection', `mysql://root:${c.of(ALNUM, 16)}@10.0.0.5:3306/shop`);
  add(
    'MongoDB connection string',
    'mongo-db-connection',
    `mongodb+srv://admin:${c.of(ALNUM, 16)}@cluster0.example.net/db`,
  );
  add(
    'JSON Web Token',
    'jwt',
    `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: c.of(DIGITS, 10), name: 'A' })}.${c.of(B64URL, 43)}`,
    (s) => `Authorization: Bearer ${s}`,
  );
  add(
    '.env secret key',
    'dotenv-secret',
    `sk_live_${c.of(ALNUM, 24)}`,
    (s) => `NODE_ENV=production\nSTRIPE_SECRET_KEY=${s}\nPORT=3000`,
  );
  add('.env database password', 'dotenv-secret', c.of(ALNUM, 18), (s) => `DB_PASSWORD='${s}'`);
  add('.env webhook token', 'dotenv-secret', c.of(ALNUM + '-', 32), (s) => `export WEBHOOK_TOKEN=${s}`);
  add(
    'secret after a secretlint-disable comment',
    'github-token',
    `ghp_${c.of(ALNUM, 36)}`,
    (s) => `// secretlint-disable\nconst t = "${s}";\n// secretlint-enable`,
  );
  add('e-mail address', 'email', `${c.of(LOWER, 8)}.${c.of(LOWER, 6)}@example.org`, undefined, 'emails');
  add('home folder path', 'home-path', home, (s) => `cat ${s}/.ssh/config`, 'home');
  return cases;
}

/** Strings that look like secrets but are not, and must come through redaction unchanged. */
export function lookAlikes(): { name: string; text: string }[] {
  const c = new Chars(7);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from(c.of(ALNUM, 600)),
  ]).toString('base64');
  return [
    { name: 'git commit id', text: `commit ${c.of(HEX, 40)}` },
    { name: 'short commit id', text: `fixed in ${c.of(HEX, 7)}` },
    { name: 'SHA-256 hash', text: `sha256 ${c.of(HEX, 64)}  dist.tar.gz` },
    { name: 'MD5 hash', text: `md5: ${c.of(HEX, 32)}` },
    { name: 'SHA-512 npm integrity', text: `"integrity": "sha512-${c.of(B64, 86)}=="` },
    { name: 'docker image digest', text: `image@sha256:${c.of(HEX, 64)}` },
    { name: 'Go module hash', text: `golang.org/x/text v0.3.7 h1:${c.of(B64, 43)}=` },
    { name: 'UUID', text: `request id 3f2b8c1e-9a4d-4e6f-8b2a-${c.of(HEX, 12)}` },
    { name: 'UUID in a URL', text: `https://app.example.com/runs/550e8400-e29b-41d4-a716-446655440000/logs` },
    { name: 'ULID', text: `session 01J${c.of('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 23)}` },
    { name: 'ggcode session id', text: `20261124-135052-${c.of(HEX, 16)}` },
    { name: 'message id', text: `msg_01J${c.of('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 23)}` },
    { name: 'base64 PNG image data', text: `data:image/png;base64,${png}` },
    {
      name: 'base64 text',
      text: Buffer.from('the quick brown fox jumps over the lazy dog again and again').toString('base64'),
    },
    { name: 'AWS documentation example key', text: 'AKIAIOSFODNN7EXAMPLE' },
    { name: 'prefix without a token', text: 'tokens look like ghp_ followed by 36 characters' },
    { name: 'scikit-learn', text: 'pip install sk-learn scikit-learn' },
    { name: 'git SSH remote', text: 'git clone git@github.com:owner/repo.git' },
    { name: 'URL without credentials', text: 'https://example.com/path?page=2&sort=asc#top' },
    { name: 'localhost URL', text: 'open http://localhost:3000/ and http://127.0.0.1:8080/api' },
    { name: 'connection string without password', text: 'postgres://localhost:5432/app_dev' },
    { name: 'empty password line', text: 'PASSWORD=' },
    { name: 'password from a variable', text: 'DB_PASSWORD=${DB_PASSWORD}' },
    { name: 'placeholder secret', text: 'API_KEY=<your-api-key>' },
    { name: 'token count setting', text: 'MAX_TOKENS=100000' },
    { name: 'not a JWT', text: `eyJ${c.of(B64URL, 20)}.notajwt` },
    { name: 'semantic version', text: 'upgraded from 1.2.3 to 10.20.30-beta.1' },
    { name: 'IP addresses', text: 'bound to 192.168.1.20 and fe80::1ff:fe23:4567:890a' },
    { name: 'public key', text: pem('PUBLIC KEY', c) },
    { name: 'certificate', text: pem('CERTIFICATE', c) },
    { name: 'SSH public key', text: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${c.of(B64, 43)} dev laptop` },
    { name: 'file paths', text: '/usr/local/bin/node and C:\\Program Files\\nodejs\\node.exe' },
    { name: 'CSS colours', text: 'color: #ffaabb; background: #0d1117;' },
    { name: 'prose about secrets', text: 'Never commit your secret token or password; rotate the API key.' },
    { name: 'Unix timestamp', text: 'created 1764547200 (ms 1764547200123)' },
    { name: 'e-mail while e-mails are not asked for', text: 'mail dev@example.org' },
    { name: 'another user home path', text: 'cd /home/someone-else/project' },
  ];
}
