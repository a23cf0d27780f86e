// Each exchange check against a loopback mock that re-verifies the issuer's documented signature with
// node:crypto (not keyhound's own signers) and answers with the issuer's documented shapes: live with
// withdraw rights, live read-only, invalid key, IP not allowed, rate limited.
import assert from 'node:assert/strict';
import { createHash, createHmac, generateKeyPairSync, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Finding, Verification } from '../../src/core/finding.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { finding, json, link, mockServer, perTest, randomValue, rule, type Recorded } from '../revoke/helpers.js';
import { assertNoSecrets, runVerify } from './helpers.js';

type Scenario = 'withdraw' | 'readonly' | 'invalid' | 'ip' | 'rate';
type Answer = [number, unknown, Record<string, string>?];
interface Cred {
  key: string;
  secret: string;
  passphrase?: string;
  publicKey?: KeyObject;
}

const hmac = (alg: string, key: string | Buffer, msg: string | Buffer, enc: 'hex' | 'base64') => createHmac(alg, key).update(msg).digest(enc);
const HEX = '0123456789abcdef';

interface Spec {
  id: string;
  provider: string;
  passphrase?: boolean;
  make(): Cred;
  /** Problems with a request, recomputed independently. */
  verify(req: Recorded, c: Cred, host: string): string[];
  answers: Partial<Record<Scenario, Answer | Answer[]>>;
  expect: Partial<Record<Scenario, Partial<Verification>>>;
}

function query(url: string): URLSearchParams {
  return new URLSearchParams(url.split('?')[1] ?? '');
}

const SPECS: Spec[] = [
  {
    id: 'binance',
    provider: 'binance',
    make: () => ({ key: randomValue(64), secret: randomValue(64) }),
    verify(req, c) {
      const p: string[] = [];
      if (req.method !== 'GET' || !req.url.startsWith('/sapi/v1/account/apiRestrictions?')) p.push(`request ${req.method} ${req.url.split('?')[0]}`);
      if (req.headers['x-mbx-apikey'] !== c.key) p.push('X-MBX-APIKEY');
      const raw = req.url.split('?')[1]!;
      const [signed, sig] = raw.split('&signature=');
      if (hmac('sha256', c.secret, signed!, 'hex') !== sig) p.push('signature');
      const q = query(req.url);
      if (Math.abs(Number(q.get('timestamp')) - Date.now()) > 5000) p.push('timestamp');
      return p;
    },
    answers: {
      withdraw: [200, { ipRestrict: false, createTime: 1698645219000, enableReading: true, enableWithdrawals: true, enableInternalTransfer: true, enableMargin: false, enableFutures: false, permitsUniversalTransfer: true, enableVanillaOptions: false, enableFixApiTrade: false, enableFixReadOnly: true, enableSpotAndMarginTrading: true, enablePortfolioMarginTrading: false }],
      readonly: [200, { ipRestrict: true, createTime: 1698645219000, enableReading: true, enableWithdrawals: false, enableInternalTransfer: false, enableMargin: false, enableFutures: false, permitsUniversalTransfer: false, enableVanillaOptions: false, enableSpotAndMarginTrading: false }],
      invalid: [400, { code: -2014, msg: 'API-key format invalid.' }],
      ip: [401, { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' }],
      rate: [429, { code: -1003, msg: 'Too many requests.' }, { 'retry-after': '0' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, canTransfer: true, ipRestricted: false },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, canTransfer: false, ipRestricted: true, permissions: ['enableReading'] },
      invalid: { status: 'invalid' },
      ip: { status: 'unknown' },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'bybit',
    provider: 'bybit',
    make: () => ({ key: randomValue(18), secret: randomValue(36) }),
    verify(req, c) {
      const h = req.headers;
      const p: string[] = [];
      if (req.method !== 'GET' || req.url !== '/v5/user/query-api') p.push(`request ${req.method} ${req.url}`);
      if (h['x-bapi-api-key'] !== c.key) p.push('api key');
      const ts = String(h['x-bapi-timestamp']);
      if (Math.abs(Number(ts) - Date.now()) > 5000) p.push('timestamp');
      if (h['x-bapi-sign'] !== hmac('sha256', c.secret, ts + c.key + String(h['x-bapi-recv-window']) + '', 'hex')) p.push('signature');
      return p;
    },
    answers: {
      withdraw: [200, { retCode: 0, retMsg: '', result: { id: '13770661', note: 'x', apiKey: 'k', readOnly: 0, secret: '', permissions: { ContractTrade: ['Order', 'Position'], Spot: ['SpotTrade'], Wallet: ['AccountTransfer', 'SubMemberTransfer', 'Withdraw'], Options: [], Derivatives: [], CopyTrading: [], BlockTrade: [], Exchange: [], NFT: [], Affiliate: [] }, ips: ['*'], type: 1, deadlineDay: 66, expiredAt: '2026-12-31T07:20:25Z', createdAt: '2023-12-22T07:20:25Z', unified: 0, uta: 1, userID: 24617703, inviterID: 0, vipLevel: 'No VIP', mktMakerLevel: '0', affiliateID: 0, rsaPublicKey: '', isMaster: true }, retExtInfo: {}, time: 1697525990798 }],
      readonly: [200, { retCode: 0, retMsg: '', result: { readOnly: 1, permissions: { ContractTrade: [], Spot: [], Wallet: [], Options: [], Derivatives: [] }, ips: ['192.0.2.7'], expiredAt: '' }, retExtInfo: {}, time: 1 }],
      invalid: [200, { retCode: 10003, retMsg: 'API key is invalid.', result: {}, retExtInfo: {}, time: 1 }],
      ip: [200, { retCode: 10010, retMsg: 'Unmatched IP, please check your API key\'s bound IP addresses.', result: {}, retExtInfo: {}, time: 1 }],
      rate: [200, { retCode: 10006, retMsg: 'Too many visits!', result: {}, retExtInfo: {}, time: 1 }, { 'retry-after': '0' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, canTransfer: true, ipRestricted: false, expiresAt: '2026-12-31T07:20:25Z' },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, canTransfer: false, ipRestricted: true, permissions: [] },
      invalid: { status: 'invalid' },
      ip: { status: 'live', ipRestricted: true },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'okx',
    provider: 'okx',
    passphrase: true,
    make: () => ({ key: crypto.randomUUID(), secret: randomValue(32, '0123456789ABCDEF'), passphrase: 'Pp-' + randomValue(12) }),
    verify(req, c) {
      const h = req.headers;
      const p: string[] = [];
      if (req.method !== 'GET' || req.url !== '/api/v5/account/config') p.push(`request ${req.method} ${req.url}`);
      if (h['ok-access-key'] !== c.key) p.push('key');
      if (h['ok-access-passphrase'] !== c.passphrase) p.push('passphrase');
      const ts = String(h['ok-access-timestamp']);
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(ts)) p.push('timestamp format');
      if (h['ok-access-sign'] !== hmac('sha256', c.secret, ts + 'GET' + '/api/v5/account/config', 'base64')) p.push('signature');
      return p;
    },
    answers: {
      withdraw: [200, { code: '0', data: [{ acctLv: '2', autoLoan: false, ctIsoMode: 'automatic', greeksType: 'PA', level: 'Lv1', levelTmp: '', mgnIsoMode: 'automatic', posMode: 'long_short_mode', spotOffsetType: '', uid: '44705892343619584', label: 'V5 Test', roleType: '0', traderInsts: [], spotRoleType: '0', spotTraderInsts: [], opAuth: '0', kycLv: '3', ip: '', perm: 'read_only,withdraw,trade', mainUid: '44705892343619584' }], msg: '' }],
      readonly: [200, { code: '0', data: [{ uid: '1', ip: '192.0.2.1,192.0.2.2', perm: 'read_only' }], msg: '' }],
      invalid: [401, { msg: 'Invalid OK-ACCESS-KEY', code: '50111' }],
      ip: [401, { msg: 'Your IP 192.0.2.9 is not included in your API key\'s IP whitelist.', code: '50110' }],
      rate: [429, { msg: 'Too Many Requests', code: '50011' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, ipRestricted: false, permissions: ['read_only', 'withdraw', 'trade'] },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, ipRestricted: true, permissions: ['read_only'] },
      invalid: { status: 'invalid' },
      ip: { status: 'live', ipRestricted: true },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'kucoin',
    provider: 'kucoin',
    passphrase: true,
    make: () => ({ key: randomValue(24, HEX), secret: crypto.randomUUID(), passphrase: 'kc-' + randomValue(10) }),
    verify(req, c) {
      const h = req.headers;
      const p: string[] = [];
      if (req.method !== 'GET' || req.url !== '/api/v1/user/api-key') p.push(`request ${req.method} ${req.url}`);
      if (h['kc-api-key'] !== c.key) p.push('key');
      if (h['kc-api-key-version'] !== '2') p.push('key version');
      if (h['kc-api-passphrase'] !== hmac('sha256', c.secret, c.passphrase!, 'base64')) p.push('passphrase');
      const ts = String(h['kc-api-timestamp']);
      if (h['kc-api-sign'] !== hmac('sha256', c.secret, ts + 'GET' + '/api/v1/user/api-key', 'base64')) p.push('signature');
      return p;
    },
    answers: {
      withdraw: [200, { code: '200000', data: { remark: 'x', apiKey: 'k', apiVersion: 3, permission: 'General,Futures,Spot,Earn,InnerTransfer,Transfer,Margin', ipWhitelist: '', createdAt: 1729176273000, uid: 227042496, isMaster: true } }],
      readonly: [200, { code: '200000', data: { apiVersion: 3, permission: 'General', ipWhitelist: '192.0.2.1', uid: 1, isMaster: false } }],
      invalid: [401, { code: '400003', msg: 'KC-API-KEY not exists' }],
      ip: [401, { code: '400006', msg: 'The requested IP address is not in the API whitelist' }],
      rate: [429, { code: '429000', msg: 'Too Many Requests' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, canTransfer: true, ipRestricted: false },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, canTransfer: false, ipRestricted: true, permissions: ['General'] },
      invalid: { status: 'invalid' },
      ip: { status: 'live', ipRestricted: true },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'bitget',
    provider: 'bitget',
    passphrase: true,
    make: () => ({ key: 'bg_' + randomValue(32, HEX), secret: randomValue(64, HEX), passphrase: 'bgPass' + randomValue(6) }),
    verify(req, c) {
      const h = req.headers;
      const p: string[] = [];
      if (req.method !== 'GET' || req.url !== '/api/v2/spot/account/info') p.push(`request ${req.method} ${req.url}`);
      if (h['access-key'] !== c.key) p.push('key');
      if (h['access-passphrase'] !== c.passphrase) p.push('passphrase');
      const ts = String(h['access-timestamp']);
      if (h['access-sign'] !== hmac('sha256', c.secret, ts + 'GET' + '/api/v2/spot/account/info', 'base64')) p.push('signature');
      return p;
    },
    answers: {
      withdraw: [200, { code: '00000', msg: 'success', requestTime: 1695808949356, data: { userId: '1', inviterId: '0', ips: '', authorities: ['stor', 'stow', 'wtor', 'wtow', 'wwow'], parentId: 1, traderType: 'trader', channelCode: 'x', channel: 'y', regisTime: '1' } }],
      readonly: [200, { code: '00000', msg: 'success', data: { userId: '1', ips: '192.0.2.1', authorities: ['stor', 'coor'] } }],
      invalid: [400, { code: '40006', msg: 'Invalid ACCESS_KEY' }],
      ip: [400, { code: '40018', msg: 'Invalid IP' }],
      rate: [429, { code: '429', msg: 'Too Many Requests' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, canTransfer: true, ipRestricted: false },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, canTransfer: false, ipRestricted: true },
      invalid: { status: 'invalid' },
      ip: { status: 'live', ipRestricted: true },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'coinbase',
    provider: 'coinbase',
    make: () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      return { key: `organizations/${crypto.randomUUID()}/apiKeys/${crypto.randomUUID()}`, secret: privateKey.export({ type: 'sec1', format: 'pem' }).toString(), publicKey };
    },
    verify(req, c, host) {
      const p: string[] = [];
      if (req.method !== 'GET' || req.url !== '/api/v3/brokerage/key_permissions') p.push(`request ${req.method} ${req.url}`);
      const auth = String(req.headers.authorization ?? '');
      const [h, cl, s] = auth.replace(/^Bearer /, '').split('.');
      if (!h || !cl || !s) return ['no JWT'];
      const header = JSON.parse(Buffer.from(h, 'base64url').toString());
      const claims = JSON.parse(Buffer.from(cl, 'base64url').toString());
      if (header.alg !== 'ES256' || header.kid !== c.key || header.typ !== 'JWT' || !header.nonce) p.push('header');
      if (claims.sub !== c.key || claims.iss !== 'cdp' || claims.uri !== `GET ${host}/api/v3/brokerage/key_permissions` || claims.exp - claims.nbf !== 120) p.push('claims');
      if (!cryptoVerify('sha256', Buffer.from(`${h}.${cl}`), { key: c.publicKey!, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))) p.push('signature');
      return p;
    },
    answers: {
      withdraw: [200, { can_view: true, can_trade: true, can_transfer: true, portfolio_uuid: crypto.randomUUID(), portfolio_type: 'DEFAULT' }],
      readonly: [200, { can_view: true, can_trade: false, can_transfer: false, portfolio_uuid: crypto.randomUUID(), portfolio_type: 'DEFAULT' }],
      invalid: [401, 'Unauthorized\n'],
      rate: [429, { error: 'rate_limit_exceeded' }, { 'retry-after': '0' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, canTransfer: true, permissions: ['view', 'trade', 'transfer'] },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, canTransfer: false, permissions: ['view'] },
      invalid: { status: 'invalid' },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'kraken',
    provider: 'kraken',
    make: () => ({ key: randomValue(56), secret: Buffer.from(randomValue(64)).toString('base64') }),
    verify(req, c) {
      const p: string[] = [];
      if (req.method !== 'POST' || req.url !== '/0/private/Balance') p.push(`request ${req.method} ${req.url}`);
      if (req.headers['api-key'] !== c.key) p.push('key');
      const nonce = new URLSearchParams(req.body).get('nonce') ?? '';
      const inner = createHash('sha256').update(nonce + req.body).digest();
      const want = createHmac('sha512', Buffer.from(c.secret, 'base64')).update(Buffer.concat([Buffer.from('/0/private/Balance'), inner])).digest('base64');
      if (req.headers['api-sign'] !== want) p.push('signature');
      return p;
    },
    answers: {
      readonly: [200, { error: [], result: { ZUSD: '171288.6158', XXBT: '0.0011' } }],
      invalid: [200, { error: ['EAPI:Invalid key'] }],
      ip: [200, { error: ['EGeneral:Permission denied'] }],
      rate: [200, { error: ['EAPI:Rate limit exceeded'] }, { 'retry-after': '0' }],
    },
    expect: {
      readonly: { status: 'live', permissions: ['query-funds'] },
      invalid: { status: 'invalid' },
      ip: { status: 'live', permissions: [] },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'bitfinex',
    provider: 'bitfinex',
    make: () => ({ key: randomValue(43), secret: randomValue(43) }),
    verify(req, c) {
      const p: string[] = [];
      if (req.method !== 'POST' || req.url !== '/v2/auth/r/permissions') p.push(`request ${req.method} ${req.url}`);
      if (req.headers['bfx-apikey'] !== c.key) p.push('key');
      const nonce = String(req.headers['bfx-nonce']);
      if (req.headers['bfx-signature'] !== hmac('sha384', c.secret, `/api/v2/auth/r/permissions${nonce}${req.body}`, 'hex')) p.push('signature');
      return p;
    },
    answers: {
      withdraw: [200, [['account', 1, 0], ['history', 1, 0], ['orders', 1, 1], ['positions', 1, 1], ['funding', 1, 1], ['settings', 1, 1], ['wallets', 1, 1], ['withdraw', 0, 1], ['ui_withdraw', 0, 0], ['bfxpay', 0, 0]]],
      readonly: [200, [['account', 1, 0], ['history', 1, 0], ['orders', 1, 0], ['positions', 1, 0], ['funding', 1, 0], ['settings', 1, 0], ['wallets', 1, 0], ['withdraw', 0, 0]]],
      invalid: [500, ['error', 10100, 'apikey: invalid']],
      rate: [429, { error: 'ERR_RATE_LIMIT' }, { 'retry-after': '0' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, canTransfer: true },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, canTransfer: false },
      invalid: { status: 'invalid' },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'gemini',
    provider: 'gemini',
    make: () => ({ key: 'account-' + randomValue(20), secret: randomValue(28) }),
    verify(req, c) {
      const p: string[] = [];
      if (req.method !== 'POST' || req.url !== '/v1/roles') p.push(`request ${req.method} ${req.url}`);
      if (req.headers['x-gemini-apikey'] !== c.key) p.push('key');
      const payload = String(req.headers['x-gemini-payload']);
      const decoded = JSON.parse(Buffer.from(payload, 'base64').toString()) as { request: string; nonce: string };
      if (decoded.request !== '/v1/roles' || !decoded.nonce) p.push('payload');
      if (req.headers['x-gemini-signature'] !== hmac('sha384', c.secret, payload, 'hex')) p.push('signature');
      if (req.body !== '') p.push('body');
      return p;
    },
    answers: {
      withdraw: [200, { isAuditor: false, isFundManager: true, isTrader: true }],
      readonly: [200, { isAuditor: true, isFundManager: false, isTrader: false }],
      invalid: [400, { result: 'error', reason: 'InvalidSignature', message: 'InvalidSignature' }],
      rate: [429, { result: 'error', reason: 'RateLimit', message: 'Requests were made too frequently' }, { 'retry-after': '0' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, canTransfer: true, permissions: ['trader', 'fundManager'] },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, canTransfer: false, permissions: ['auditor'] },
      invalid: { status: 'invalid' },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'htx',
    provider: 'htx',
    make: () => ({ key: `${randomValue(8, HEX)}-${randomValue(8, HEX)}-${randomValue(8, HEX)}-${randomValue(5, HEX)}`, secret: `${randomValue(8, HEX)}-${randomValue(8, HEX)}-${randomValue(8, HEX)}-${randomValue(5, HEX)}` }),
    verify(req, c, host) {
      const p: string[] = [];
      const [path, raw] = req.url.split('?') as [string, string];
      if (req.method !== 'GET' || !['/v2/user/uid', '/v2/user/api-key'].includes(path)) p.push(`request ${req.method} ${path}`);
      const pairs = raw.split('&').map((kv) => kv.split('=') as [string, string]);
      const sig = decodeURIComponent(pairs.find(([k]) => k === 'Signature')?.[1] ?? '');
      const rest = pairs.filter(([k]) => k !== 'Signature');
      const sorted = [...rest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (rest.map(([k]) => k).join() !== sorted.map(([k]) => k).join()) p.push('parameter order');
      const q = new URLSearchParams(raw);
      if (q.get('AccessKeyId') !== c.key || q.get('SignatureMethod') !== 'HmacSHA256' || q.get('SignatureVersion') !== '2') p.push('parameters');
      if (!/^\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d$/.test(pairs.find(([k]) => k === 'Timestamp')?.[1] ?? '')) p.push('timestamp');
      const want = hmac('sha256', c.secret, `GET\n${host}\n${path}\n${rest.map(([k, v]) => `${k}=${v}`).join('&')}`, 'base64');
      if (sig !== want) p.push('signature');
      if (path === '/v2/user/api-key' && q.get('accessKey') !== c.key) p.push('accessKey');
      return p;
    },
    answers: {
      withdraw: [
        [200, { code: 200, data: 123456, ok: true }],
        [200, { code: 200, message: 'success', data: [{ accessKey: 'x', note: 'n', permission: 'readOnly,trade,withdraw', ipAddresses: '', validDays: -1, status: 'normal', createTime: 1, updateTime: 1 }], ok: true }],
      ],
      readonly: [
        [200, { code: 200, data: 123456, ok: true }],
        [200, { code: 200, data: [{ permission: 'readOnly', ipAddresses: '192.0.2.1', validDays: 40, status: 'normal' }], ok: true }],
      ],
      invalid: [200, { status: 'error', 'err-code': 'api-signature-not-valid', 'err-msg': 'Signature not valid: Incorrect Access key [Access key错误]', data: null }],
      rate: [429, { status: 'error', 'err-code': 'too-many-request' }, { 'retry-after': '0' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true, canTransfer: true, ipRestricted: false, permissions: ['readOnly', 'trade', 'withdraw'] },
      readonly: { status: 'live', canWithdraw: false, canTrade: false, ipRestricted: true, detail: 'valid for 40 more days' },
      invalid: { status: 'invalid' },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'gate',
    provider: 'gate',
    make: () => ({ key: randomValue(32, HEX), secret: randomValue(64, HEX) }),
    verify(req, c) {
      const p: string[] = [];
      if (req.method !== 'GET' || req.url !== '/api/v4/account/detail') p.push(`request ${req.method} ${req.url}`);
      if (req.headers.key !== c.key) p.push('key');
      const ts = String(req.headers.timestamp);
      const bodyHash = createHash('sha512').update('').digest('hex');
      if (req.headers.sign !== hmac('sha512', c.secret, `GET\n/api/v4/account/detail\n\n${bodyHash}\n${ts}`, 'hex')) p.push('signature');
      return p;
    },
    answers: {
      readonly: [200, { user_id: 1667201533, ip_whitelist: ['192.0.2.1'], currency_pairs: [], key: { mode: 1 }, tier: 2 }],
      invalid: [401, { label: 'INVALID_KEY', message: 'Invalid key provided' }],
      ip: [403, { label: 'IP_FORBIDDEN', message: 'Request IP not in whitelist' }],
      rate: [429, { label: 'TOO_MANY_REQUESTS', message: 'Too many requests' }, { 'retry-after': '0' }],
    },
    expect: {
      readonly: { status: 'live', ipRestricted: true },
      invalid: { status: 'invalid' },
      ip: { status: 'live', ipRestricted: true },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'mexc',
    provider: 'mexc',
    make: () => ({ key: 'mx0v' + randomValue(14), secret: randomValue(32, HEX) }),
    verify(req, c) {
      const p: string[] = [];
      if (req.method !== 'GET' || !req.url.startsWith('/api/v3/account?')) p.push(`request ${req.method} ${req.url.split('?')[0]}`);
      if (req.headers['x-mexc-apikey'] !== c.key) p.push('key');
      const [signed, sig] = req.url.split('?')[1]!.split('&signature=');
      if (hmac('sha256', c.secret, signed!, 'hex') !== sig) p.push('signature');
      return p;
    },
    answers: {
      withdraw: [200, { makerCommission: 0, takerCommission: 0, canTrade: true, canWithdraw: true, canDeposit: true, updateTime: null, accountType: 'SPOT', balances: [], permissions: ['SPOT'] }],
      readonly: [200, { canTrade: false, canWithdraw: false, canDeposit: true, balances: [], permissions: ['SPOT'] }],
      invalid: [400, { code: 10072, msg: 'Api key info invalid' }],
      ip: [400, { code: 700006, msg: 'IP [192.0.2.9] not in the ip white list' }],
      rate: [429, { code: 429, msg: 'Too many requests' }, { 'retry-after': '0' }],
    },
    expect: {
      withdraw: { status: 'live', canWithdraw: true, canTrade: true },
      readonly: { status: 'live', canWithdraw: false, canTrade: false },
      invalid: { status: 'invalid' },
      ip: { status: 'live', ipRestricted: true },
      rate: { status: 'unknown' },
    },
  },
];

function rulesFor(spec: Spec): RuleSpec[] {
  const parts = ['key', 'secret', ...(spec.passphrase ? ['passphrase'] : [])];
  return parts.map((part) => rule({ id: `${spec.id}-api-${part}`, provider: spec.provider, pair: { id: spec.id, part }, tags: ['exchange'] }));
}

function findingsFor(spec: Spec, rules: RuleSpec[], c: Cred): Finding[] {
  const values = [c.key, c.secret, ...(spec.passphrase ? [c.passphrase!] : [])];
  const fs = rules.map((r, i) => finding(r, values[i]!, { file: '.env', line: i + 1 }));
  for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) link(fs[i]!, fs[j]!);
  return fs;
}

describe('exchange checks against loopback mocks that re-verify the documented signatures', () => {
  const ctx = perTest();

  for (const spec of SPECS) {
    for (const scenario of Object.keys(spec.answers) as Scenario[]) {
      it(`${spec.id}: ${scenario}`, async () => {
        const c = spec.make();
        const problems: string[] = [];
        let mockHost = '';
        const answers = spec.answers[scenario]!;
        const sequence = (Array.isArray(answers[0]) ? answers : [answers]) as Answer[];
        ctx.mock = await mockServer((req, res, n) => {
          problems.push(...spec.verify(req, c, mockHost));
          const [status, body, headers] = sequence[Math.min(n - 1, sequence.length - 1)]!;
          if (typeof body === 'string') {
            res.writeHead(status, { 'content-type': 'text/plain', ...headers });
            res.end(body);
          } else json(res, status, body, headers);
        }, 8);
        mockHost = `127.0.0.1:${ctx.mock.port}`;
        const rules = rulesFor(spec);
        const findings = findingsFor(spec, rules, c);
        ctx.t.write('verify.yaml', 'retries: 1\nmaxWait: 2s\ntimeout: 5s\n');
        const env = { [`KEYHOUND_${spec.id.toUpperCase()}_API_URL`]: ctx.mock.url };
        const run = await runVerify(findings, rules, ctx.t.dir, env, { verifyConfig: `${ctx.t.dir}/verify.yaml` });
        assert.deepEqual(problems, [], 'the mock accepted every request as signed per the docs');
        const v = findings[0]!.verification!;
        assert.ok(v, 'the key finding carries a verification');
        for (const f of findings) assert.deepEqual(f.verification, v, 'every part of the pair shares one verification');
        assert.equal(v.issuer, spec.id);
        assert.equal(v.host, mockHost);
        assert.ok(!Number.isNaN(Date.parse(v.checkedAt)));
        for (const [k, want] of Object.entries(spec.expect[scenario]!)) {
          assert.deepEqual((v as unknown as Record<string, unknown>)[k], want, `${k} (detail: ${v.detail})`);
        }
        const expectedRequests = scenario === 'rate' ? 2 : sequence.length;
        assert.equal(ctx.mock.requests.length, expectedRequests, 'one check per credential (a rate-limited one is retried once)');
        assert.equal(run.requests, expectedRequests);
        assertNoSecrets([{ name: 'verification', text: JSON.stringify(findings.map((f) => f.verification)) }, { name: 'warnings', text: run.warned.join('\n') }], [c.key, c.secret, c.passphrase]);
      });
    }
  }
});
