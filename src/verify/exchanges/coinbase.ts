// Coinbase (CDP keys, Advanced Trade): GET /api/v3/brokerage/key_permissions with a CDP bearer JWT
// signed by the key itself (ES256 for P-256 PEM keys, EdDSA for Ed25519 keys).
import { coinbaseJwt } from '../../net/signing.js';
import { field, unexpected, type CheckOutcome, type Credential, type IssuerCheck, type IssuerHttp } from '../types.js';

const PATH = '/api/v3/brokerage/key_permissions';

export const coinbase: IssuerCheck = {
  id: 'coinbase',
  name: 'Coinbase',
  defaultBase: 'https://api.coinbase.com',
  providers: ['coinbase'],
  needs: ['secret'],
  rate: { requests: 5, perMs: 1000 },
  doc: {
    endpoint: `GET ${PATH}`,
    fields: ['can_view', 'can_trade', 'can_transfer', 'portfolio_type'],
    basis: 'docs',
    caveat: 'the body of a 401 is not documented: any 401 is read as an invalid key',
  },
  rejects(c: Credential) {
    // legacy (pre-CDP) HMAC keys have no JWT form
    if (!c.secret || !(/-----BEGIN/.test(c.secret) || /^[A-Za-z0-9+/]{86}==$/.test(c.secret.trim()))) {
      return 'not a CDP key (legacy Coinbase API keys are not checked)';
    }
    return undefined;
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const prefix = http.base.pathname.replace(/\/+$/, '');
    const r = await http.send(() => ({
      method: 'GET',
      path: PATH,
      headers: { Authorization: `Bearer ${coinbaseJwt({ keyName: c.key, privateKey: c.secret!, uri: `GET ${http.base.host}${prefix}${PATH}` })}` },
    }));
    if (r.status === 401) return { status: 'invalid', detail: 'Coinbase refuses the key (HTTP 401): revoked, or the private key is not this key name\'s' };
    if (r.status === 403) return { status: 'live', ipRestricted: true, detail: 'the key is refused here (HTTP 403): IP allow-list or missing view right' };
    if (r.status !== 200 || typeof field(r.json, 'can_view') !== 'boolean') return unexpected(r);
    const view = field(r.json, 'can_view') === true;
    const trade = field(r.json, 'can_trade') === true;
    const transfer = field(r.json, 'can_transfer') === true;
    const permissions = [view && 'view', trade && 'trade', transfer && 'transfer'].filter((x): x is string => !!x);
    const type = field(r.json, 'portfolio_type');
    return {
      status: 'live',
      permissions,
      canWithdraw: transfer,
      canTrade: trade,
      canTransfer: transfer,
      ...(typeof type === 'string' && /^[A-Z_]{1,20}$/.test(type) ? { detail: `portfolio ${type}` } : {}),
    };
  },
};
