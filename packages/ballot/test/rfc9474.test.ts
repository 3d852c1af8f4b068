// RFC 9474 Appendix A: the RSABSSA-SHA384-PSS-Deterministic and -Randomized vectors (same key, message, salt and
// blind; the Randomized variant adds Prepare's 32-byte prefix), plus interop with @cloudflare/blindrsa-ts.
import { constants, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt } from 'node:crypto';
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { blind, blindSign, finalize, prepareMessage, pureBackend, toBase64url } from '../src/index.js';
import { fromBase64url, fromHex, toHex } from '../src/encoding.js';
import { rsaPublicKey } from '../src/rsa-key.js';
import { i2osp, modInverse } from '../src/rsa-math.js';
import { generateIssuerKey, issueBlindSignature } from '../src/node.js';
import { node, value } from './fixtures.js';

const h = (s: string) => BigInt('0x' + s.replace(/\s/g, ''));
const V = {
  p: h(
    `e1f4d7a34802e27c7392a3cea32a262a34dc3691bd87f3f310dc75673488930559c120fd0410194fb8a0da55bd0b81227e843fdca6692ae80e5a5d414116d4803fca7d8c30eaaae57e44a1816ebb5c5b0606c536246c7f11985d731684150b63c9a3ad9e41b04c0b5b27cb188a692c84696b742a80d3cd00ab891f2457443dadfeba6d6daf108602be26d7071803c67105a5426838e6889d77e8474b29244cefaf418e381b312048b457d73419213063c60ee7b0d81820165864fef93523c9635c22210956e53a8d96322493ffc58d845368e2416e078e5bcb5d2fd68ae6acfa54f9627c42e84a9d3f2774017e32ebca06308a12ecc290c7cd1156dcccfb2311`,
  ),
  q: h(
    `c601a9caea66dc3835827b539db9df6f6f5ae77244692780cd334a006ab353c806426b60718c05245650821d39445d3ab591ed10a7339f15d83fe13f6a3dfb20b9452c6a9b42eaa62a68c970df3cadb2139f804ad8223d56108dfde30ba7d367e9b0a7a80c4fdba2fd9dde6661fc73fc2947569d2029f2870fc02d8325acf28c9afa19ecf962daa7916e21afad09eb62fe9f1cf91b77dc879b7974b490d3ebd2e95426057f35d0a3c9f45f79ac727ab81a519a8b9285932d9b2e5ccd347e59f3f32ad9ca359115e7da008ab7406707bd0e8e185a5ed8758b5ba266e8828f8d863ae133846304a2936ad7bc7c9803879d2fc4a28e69291d73dbd799f8bc238385`,
  ),
  n: h(
    `aec4d69addc70b990ea66a5e70603b6fee27aafebd08f2d94cbe1250c556e047a928d635c3f45ee9b66d1bc628a03bac9b7c3f416fe20dabea8f3d7b4bbf7f963be335d2328d67e6c13ee4a8f955e05a3283720d3e1f139c38e43e0338ad058a9495c53377fc35be64d208f89b4aa721bf7f7d3fef837be2a80e0f8adf0bcd1eec5bb040443a2b2792fdca522a7472aed74f31a1ebe1eebc1f408660a0543dfe2a850f106a617ec6685573702eaaa21a5640a5dcaf9b74e397fa3af18a2f1b7c03ba91a6336158de420d63188ee143866ee415735d155b7c2d854d795b7bc236cffd71542df34234221a0413e142d8c61355cc44d45bda94204974557ac2704cd8b593f035a5724b1adf442e78c542cd4414fce6f1298182fb6d8e53cef1adfd2e90e1e4deec52999bdc6c29144e8d52a125232c8c6d75c706ea3cc06841c7bda33568c63a6c03817f722b50fcf898237d788a4400869e44d90a3020923dc646388abcc914315215fcd1bae11b1c751fd52443aac8f601087d8d42737c18a3fa11ecd4131ecae017ae0a14acfc4ef85b83c19fed33cfd1cd629da2c4c09e222b398e18d822f77bb378dea3cb360b605e5aa58b20edc29d000a66bd177c682a17e7eb12a63ef7c2e4183e0d898f3d6bf567ba8ae84f84f1d23bf8b8e261c3729e2fa6d07b832e07cddd1d14f55325c6f924267957121902dc19b3b32948bdead5`,
  ),
  e: 0x10001n,
  msg: '8f3dc6fb8c4a02f4d6352edf0907822c1210a9b32f9bdda4c45a698c80023aa6b59f8cfec5fdbb36331372ebefedae7d',
  salt: '051722b35f458781397c3a671a7d3bd3096503940e4c4f1aaa269d60300ce449555cd7340100df9d46944c5356825abf',
  inv: h(
    `80682c48982407b489d53d1261b19ec8627d02b8cda5336750b8cee332ae260de57b02d72609c1e0e9f28e2040fc65b6f02d56dbd6aa9af8fde656f70495dfb723ba01173d4707a12fddac628ca29f3e32340bd8f7ddb557cf819f6b01e445ad96f874ba235584ee71f6581f62d4f43bf03f910f6510deb85e8ef06c7f09d9794a008be7ff2529f0ebb69decef646387dc767b74939265fec0223aa6d84d2a8a1cc912d5ca25b4e144ab8f6ba054b54910176d5737a2cff011da431bd5f2a0d2d66b9e70b39f4b050e45c0d9c16f02deda9ddf2d00f3e4b01037d7029cd49c2d46a8e1fc2c0c17520af1f4b5e25ba396afc4cd60c494a4c426448b35b49635b337cfb08e7c22a39b256dd032c00adddafb51a627f99a0e1704170ac1f1912e49d9db10ec04c19c58f420212973e0cb329524223a6aa56c7937c5dffdb5d966b6cd4cbc26f3201dd25c80960a1a111b32947bb78973d269fac7f5186530930ed19f68507540eed9e1bab8b00f00d8ca09b3f099aae46180e04e3584bd7ca054df18a1504b89d1d1675d0966c4ae1407be325cdf623cf13ff13e4a28b594d59e3eadbadf6136eee7a59d6a444c9eb4e2198e8a974f27a39eb63af2c9af3870488b8adaad444674f512133ad80b9220e09158521614f1faadfe8505ef57b7df6813048603f0dd04f4280177a11380fbfc861dbcbd7418d62155248dad5fdec0991f`,
  ),
  blindedMsg: `10c166c6a711e81c46f45b18e5873cc4f494f003180dd7f115585d871a28930259654fe28a54dab319cc5011204c8373b50a57b0fdc7a678bd74c523259dfe4fd5ea9f52f170e19dfa332930ad1609fc8a00902d725cfe50685c95e5b2968c9a2828a21207fcf393d15f849769e2af34ac4259d91dfd98c3a707c509e1af55647efaa31290ddf48e0133b798562af5eabd327270ac2fb6c594734ce339a14ea4fe1b9a2f81c0bc230ca523bda17ff42a377266bc2778a274c0ae5ec5a8cbbe364fcf0d2403f7ee178d77ff28b67a20c7ceec009182dbcaa9bc99b51ebbf13b7d542be337172c6474f2cd3561219fe0dfa3fb207cff89632091ab841cf38d8aa88af6891539f263adb8eac6402c41b6ebd72984e43666e537f5f5fe27b2b5aa114957e9a580730308a5f5a9c63a1eb599f093ab401d0c6003a451931b6d124180305705845060ebba6b0036154fcef3e5e9f9e4b87e8f084542fd1dd67e7782a5585150181c01eb6d90cb95883837384a5b91dbb606f266059ecc51b5acbaa280e45cfd2eec8cc1cdb1b7211c8e14805ba683f9b78824b2eb005bc8a7d7179a36c152cb87c8219e5569bba911bb32a1b923ca83de0e03fb10fba75d85c55907dda5a2606bf918b056c3808ba496a4d95532212040a5f44f37e1097f26dc27b98a51837daa78f23e532156296b64352669c94a8a855acf30533d8e0594ace7c442`,
  blindSig: `364f6a40dbfbc3bbb257943337eeff791a0f290898a6791283bba581d9eac90a6376a837241f5f73a78a5c6746e1306ba3adab6067c32ff69115734ce014d354e2f259d4cbfb890244fd451a497fe6ecf9aa90d19a2d441162f7eaa7ce3fc4e89fd4e76b7ae585be2a2c0fd6fb246b8ac8d58bcb585634e30c9168a434786fe5e0b74bfe8187b47ac091aa571ffea0a864cb906d0e28c77a00e8cd8f6aba4317a8cc7bf32ce566bd1ef80c64de041728abe087bee6cadd0b7062bde5ceef308a23bd1ccc154fd0c3a26110df6193464fc0d24ee189aea8979d722170ba945fdcce9b1b4b63349980f3a92dc2e5418c54d38a862916926b3f9ca270a8cf40dfb9772bfbdd9a3e0e0892369c18249211ba857f35963d0e05d8da98f1aa0c6bba58f47487b8f663e395091275f82941830b050b260e4767ce2fa903e75ff8970c98bfb3a08d6db91ab1746c86420ee2e909bf681cac173697135983c3594b2def673736220452fde4ddec867d40ff42dd3da36c84e3e52508b891a00f50b4f62d112edb3b6b6cc3dbd546ba10f36b03f06c0d82aeec3b25e127af545fac28e1613a0517a6095ad18a98ab79f68801e05c175e15bae21f821e80c80ab4fdec6fb34ca315e194502b8f3dcf7892b511aee45060e3994cd15e003861bc7220a2babd7b40eda03382548a34a7110f9b1779bf3ef6011361611e6bc5c0dc851e1509de1a`,
  sig: `6fef8bf9bc182cd8cf7ce45c7dcf0e6f3e518ae48f06f3c670c649ac737a8b8119a34d51641785be151a697ed7825fdfece82865123445eab03eb4bb91cecf4d6951738495f8481151b62de869658573df4e50a95c17c31b52e154ae26a04067d5ecdc1592c287550bb982a5bb9c30fd53a768cee6baabb3d483e9f1e2da954c7f4cf492fe3944d2fe456c1ecaf0840369e33fb4010e6b44bb1d721840513524d8e9a3519f40d1b81ae34fb7a31ee6b7ed641cb16c2ac999004c2191de0201457523f5a4700dd649267d9286f5c1d193f1454c9f868a57816bf5ff76c838a2eeb616a3fc9976f65d4371deecfbab29362caebdff69c635fe5a2113da4d4d8c24f0b16a0584fa05e80e607c5d9a2f765f1f069f8d4da21f27c2a3b5c984b4ab24899bef46c6d9323df4862fe51ce300fca40fb539c3bb7fe2dcc9409e425f2d3b95e70e9c49c5feb6ecc9d43442c33d50003ee936845892fb8be475647da9a080f5bc7f8a716590b3745c2209fe05b17992830ce15f32c7b22cde755c8a2fe50bd814a0434130b807dc1b7218d4e85342d70695a5d7f29306f25623ad1e8aa08ef71b54b8ee447b5f64e73d09bdd6c3b7ca224058d7c67cc7551e9241688ada12d859cb7646fbd3ed8b34312f3b49d69802f0eaa11bc4211c2f7a29cd5c01ed01a39001c5856fab36228f5ee2f2e1110811872fe7c865c42ed59029c706195d52`,
};

const key = rsaPublicKey(V.n, V.e);

/** The vector's private key as a node:crypto KeyObject (CRT parameters from p, q). */
function vectorPrivateKey() {
  const d = modInverse(V.e, (V.p - 1n) * (V.q - 1n))!;
  const b64 = (x: bigint) => toBase64url(i2osp(x, Math.ceil(x.toString(16).length / 2)));
  return createPrivateKey({
    key: {
      kty: 'RSA',
      n: b64(V.n),
      e: b64(V.e),
      d: b64(d),
      p: b64(V.p),
      q: b64(V.q),
      dp: b64(d % (V.p - 1n)),
      dq: b64(d % (V.q - 1n)),
      qi: b64(modInverse(V.q, V.p)!),
    },
    format: 'jwk',
  });
}

describe('RFC 9474 Appendix A vector (4096-bit key)', () => {
  const r = modInverse(V.inv, V.n)!;

  test('Blind reproduces blinded_msg and inv', () => {
    const out = blind(key, fromHex(V.msg), { salt: fromHex(V.salt), r });
    expect(toHex(out.blindedMessage)).toBe(V.blindedMsg);
    expect(out.inverse).toBe(V.inv);
  });

  test('BlindSign with node:crypto reproduces blind_sig; Finalize reproduces sig', () => {
    const priv = vectorPrivateKey();
    const pub = createPublicKey(priv);
    const blindSig = blindSign(
      key,
      fromHex(V.blindedMsg),
      (x) => new Uint8Array(privateDecrypt({ key: priv, padding: constants.RSA_NO_PADDING }, x)),
      (s) => new Uint8Array(publicEncrypt({ key: pub, padding: constants.RSA_NO_PADDING }, s)),
    );
    expect(toHex(blindSig)).toBe(V.blindSig);
    for (const backend of [pureBackend, node]) {
      const sig = finalize(key, fromHex(V.msg), blindSig, V.inv, (k, m, s) => backend.rsaPssVerify(k, m, s));
      expect(toHex(sig)).toBe(V.sig);
    }
  });

  test('both back-ends verify sig and reject it for another message', () => {
    for (const backend of [pureBackend, node]) {
      expect(backend.rsaPssVerify(key, fromHex(V.msg), fromHex(V.sig))).toBe(true);
      expect(backend.rsaPssVerify(key, fromHex('00' + V.msg), fromHex(V.sig))).toBe(false);
    }
  });

  test('BlindSign refuses a faulty private operation (s^e ≠ m, RFC 9474 §4.3)', () => {
    const faulty = (x: Uint8Array) => {
      const y = x.slice();
      y[10] = (y[10] ?? 0) ^ 1;
      return y;
    };
    expect(() => blindSign(key, fromHex(V.blindedMsg), faulty)).toThrow('BLIND_SIGNING_FAILED');
  });

  test('Prepare prepends the 32-byte prefix and refuses other lengths', () => {
    const prefix = fromHex('190db6270a235a568a5f397012c635cb5603f9ec1498e8ab2cf4908c00a0cc20');
    expect(toHex(prepareMessage(prefix, fromHex(V.msg)))).toBe(toHex(prefix) + V.msg);
    expect(() => prepareMessage(prefix.subarray(1), fromHex(V.msg))).toThrow('MALFORMED_INPUT');
  });
});

describe('interoperability with @cloudflare/blindrsa-ts (RSABSSA-SHA384-PSS-Randomized)', () => {
  const issuer = value(generateIssuerKey('interop', 1, ['c']));
  const suite = RSABSSA.SHA384.PSS.Randomized();
  const webCryptoKey = () =>
    crypto.subtle.importKey(
      'jwk',
      { kty: 'RSA', n: issuer.record.n, e: issuer.record.e, alg: 'PS384', ext: true },
      { name: 'RSA-PSS', hash: 'SHA-384' },
      true,
      ['verify'],
    );

  test('their client, our node signer, their finalize; our verifiers accept the result', async () => {
    const publicKey = await webCryptoKey();
    const msg = new TextEncoder().encode('openslate interop');
    const prepared = suite.prepare(msg);
    const { blindedMsg, inv } = await suite.blind(publicKey, prepared);
    const blindSig = issueBlindSignature(issuer, toBase64url(blindedMsg));
    if (!blindSig.ok) throw blindSig.error;
    const signature = await suite.finalize(publicKey, prepared, fromBase64url(blindSig.value, 'sig'), inv);
    expect(await suite.verify(publicKey, signature, prepared)).toBe(true);
    for (const backend of [pureBackend, node])
      expect(backend.rsaPssVerify(issuer.key, prepared, signature)).toBe(true);
  });

  test('our client and signer; their verifier accepts the result', async () => {
    const publicKey = await webCryptoKey();
    const prepared = prepareMessage(new Uint8Array(32).fill(7), new TextEncoder().encode('ballot key'));
    const { blindedMessage, inverse } = blind(issuer.key, prepared);
    const blindSig = issueBlindSignature(issuer, toBase64url(blindedMessage));
    if (!blindSig.ok) throw blindSig.error;
    const sig = finalize(
      issuer.key,
      prepared,
      fromBase64url(blindSig.value, 'sig'),
      inverse,
      pureBackend.rsaPssVerify,
    );
    expect(await suite.verify(publicKey, sig, prepared)).toBe(true);
  });
});

// RFC 9474 Appendix A, RSABSSA-SHA384-PSS-Randomized: the same key, message, salt and blind with the 32-byte
// msg_prefix that Prepare adds (§4.1), so prepared_msg = msg_prefix || msg is what is blinded, signed and finalized.
describe('RFC 9474 Appendix A, RSABSSA-SHA384-PSS-Randomized', () => {
  const R = {
    prefix: '8417e699b219d583fb6216ae0c53ca0e9723442d02f1d1a34295527e7d929e8b',
    blindedMsg: `aa3ee045138d874669685ffaef962c7694a9450aa9b4fd6465db9b3b75a522bb921c4c0fdcdfae9667593255099cff51f5d3fd65e8ffb9d3b3036252a6b51b6edfb3f40382b2bbf34c0055e4cbcc422850e586d84f190cd449af11dc65545f5fe26fd89796eb87da4bda0c545f397cddfeeb56f06e28135ec74fd477949e7677f6f36cfae8fd5c1c5898b03b9c244cf6d1a4fb7ad1cb43aff5e80cb462fac541e72f67f0a50f1843d1759edfaae92d1a916d3f0efaf4d650db416c3bf8abdb5414a78cebc97de676723cb119e77aea489f2bbf530c440ebc5a75dccd3ebf5a412a5f346badd61bee588e5917bdcce9dc33c882e39826951b0b8276c6203971947072b726e935816056ff5cb11a71ca2946478584126bb877acdf87255f26e6cca4e0878801307485d3b7bb89b289551a8b65a7a6b93db010423d1406e149c87731910306e5e410b41d4da3234624e74f92845183e323cf7eb244f212a695f8856c675fbc3a021ce649e22c6f0d053a9d238841cf3afdc2739f99672a419ae13c17f1f8a3bc302ec2e7b98e8c353898b7150ad8877ec841ea6e4b288064c254fefd0d049c3ad196bf7ffa535e74585d0120ce728036ed500942fbd5e6332c298f1ffebe9ff60c1e117b274cf0cb9d70c36ee4891528996ec1ed0b178e9f3c0c0e6120885f39e8ccaadbb20f3196378c07b1ff22d10049d3039a7a92fe7efdd95d`,
    blindSig: `3f4a79eacd4445fca628a310d41e12fcd813c4d43aa4ef2b81226953248d6d00adfee6b79cb88bfa1f99270369fd063c023e5ed546719b0b2d143dd1bca46b0e0e615fe5c63d95c5a6b873b8b50bc52487354e69c3dfbf416e7aca18d5842c89b676efdd38087008fa5a810161fcdec26f20ccf2f1e6ab0f9d2bb93e051cb9e86a9b28c5bb62fd5f5391379f887c0f706a08bcc3b9e7506aaf02485d688198f5e22eefdf837b2dd919320b17482c5cc54271b4ccb41d267629b3f844fd63750b01f5276c79e33718bb561a152acb2eb36d8be75bce05c9d1b94eb609106f38226fb2e0f5cd5c5c39c59dda166862de498b8d92f6bcb41af433d65a2ac23da87f39764cb64e79e74a8f4ce4dd567480d967cefac46b6e9c06434c3715635834357edd2ce6f105eea854ac126ccfa3de2aac5607565a4e5efaac5eed491c335f6fc97e6eb7e9cea3e12de38dfb315220c0a3f84536abb2fdd722813e083feda010391ac3d8fd1cd9212b5d94e634e69ebcc800c4d5c4c1091c64afc37acf563c7fc0a6e4c082bc55544f50a7971f3fb97d5853d72c3af34ffd5ce123998be5360d1059820c66a81e1ee6d9c1803b5b62af6bc877526df255b6d1d835d8c840bebbcd6cc0ee910f17da37caf8488afbc08397a1941fcc79e76a5888a95b3d5405e13f737bea5c78d716a48eb9dc0aec8de39c4b45c6914ad4a8185969f70b1adf46`,
    sig: `191e941c57510e22d29afad257de5ca436d2316221fe870c7cb75205a6c071c2735aed0bc24c37f3d5bd960ab97a829a508f966bbaed7a82645e65eadaf24ab5e6d9421392c5b15b7f9b640d34fec512846a3100b80f75ef51064602118c1a77d28d938f6efc22041d60159a518d3de7c4d840c9c68109672d743d299d8d2577ef60c19ab463c716b3fa75fa56f5735349d414a44df12bf0dd44aa3e10822a651ed4cb0eb6f47c9bd0ef14a034a7ac2451e30434d513eb22e68b7587a8de9b4e63a059d05c8b22c7c51e2cfee2d8bef511412e93c859a13726d87c57d1bc4c2e68ab121562f839c3a3d233e87ed63c69b7e57525367753fbebcc2a9805a2802659f5888b2c69115bf865559f10d906c09d048a0d71bfee4b33857393ec2b69e451433496d02c9a7910abb954317720bbde9e69108eafc3e90bad3d5ca4066d7b1e49013fa04e948104a1dd82b12509ecb146e948c54bd8bfb5e6d18127cd1f7a93c3cf9f2d869d5a78878c03fe808a0d799e910be6f26d18db61c485b303631d3568368fc41986d08a95ea6ac0592240c19d7b22416b9c82ae6241e211dd5610d0baaa9823158f9c32b66318f5529491b7eeadcaa71898a63bac9d95f4aa548d5e97568d744fc429104e32edd9c87519892a198a30d333d427739ffb9607b092e910ae37771abf2adb9f63bc058bf58062ad456cb934679795bbdfcdfad5e0f2`,
  };
  const r = modInverse(V.inv, V.n)!;
  const prepared = prepareMessage(fromHex(R.prefix), fromHex(V.msg));

  test('Prepare, Blind, BlindSign and Finalize reproduce the vector', () => {
    expect(toHex(prepared)).toBe(R.prefix + V.msg);
    const out = blind(key, prepared, { salt: fromHex(V.salt), r });
    expect(toHex(out.blindedMessage)).toBe(R.blindedMsg);
    const priv = vectorPrivateKey();
    const pub = createPublicKey(priv);
    const blindSig = blindSign(
      key,
      out.blindedMessage,
      (x) => new Uint8Array(privateDecrypt({ key: priv, padding: constants.RSA_NO_PADDING }, x)),
      (s) => new Uint8Array(publicEncrypt({ key: pub, padding: constants.RSA_NO_PADDING }, s)),
    );
    expect(toHex(blindSig)).toBe(R.blindSig);
    for (const backend of [pureBackend, node]) {
      const sig = finalize(key, prepared, blindSig, V.inv, (k, m, s) => backend.rsaPssVerify(k, m, s));
      expect(toHex(sig)).toBe(R.sig);
    }
  });
});
