// SLIP-132 version bytes of BIP32 extended keys: private version → name and public counterpart.

export interface ExtendedKeyVersion {
  name: string;
  version: number;
  publicName: string;
  publicVersion: number;
}

export const PRIVATE_VERSIONS: readonly ExtendedKeyVersion[] = [
  { name: 'xprv', version: 0x0488ade4, publicName: 'xpub', publicVersion: 0x0488b21e },
  { name: 'yprv', version: 0x049d7878, publicName: 'ypub', publicVersion: 0x049d7cb2 },
  { name: 'zprv', version: 0x04b2430c, publicName: 'zpub', publicVersion: 0x04b24746 },
  { name: 'Yprv', version: 0x0295b005, publicName: 'Ypub', publicVersion: 0x0295b43f },
  { name: 'Zprv', version: 0x02aa7a99, publicName: 'Zpub', publicVersion: 0x02aa7ed3 },
  { name: 'tprv', version: 0x04358394, publicName: 'tpub', publicVersion: 0x043587cf },
  { name: 'uprv', version: 0x044a4e28, publicName: 'upub', publicVersion: 0x044a5262 },
  { name: 'vprv', version: 0x045f18bc, publicName: 'vpub', publicVersion: 0x045f1cf6 },
  { name: 'Uprv', version: 0x024285b5, publicName: 'Upub', publicVersion: 0x024289ef },
  { name: 'Vprv', version: 0x02575048, publicName: 'Vpub', publicVersion: 0x02575483 },
  { name: 'Ltpv', version: 0x019d9cfe, publicName: 'Ltub', publicVersion: 0x019da462 },
];

export function privateVersion(v: number): ExtendedKeyVersion | undefined {
  return PRIVATE_VERSIONS.find((x) => x.version === v);
}

export function publicVersion(v: number): ExtendedKeyVersion | undefined {
  return PRIVATE_VERSIONS.find((x) => x.publicVersion === v);
}
