import {
  cosignatureTime,
  cosignatureVerifier,
  cosignCheckpoint,
  cosigner,
  formatCheckpoint,
  generateKey,
  noteSigner,
  noteVerifier,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  signNote,
  SIG_COSIGNATURE_V1,
  toHex,
  type Hash,
} from '../src/index.js';
import { codeOf } from './helpers.js';
import { C2SP_COSIGNED, C2SP_NOTE, GO_NOTE } from './vectors.js';

describe('signed-note keys (Go golang.org/x/mod/sumdb/note vectors)', () => {
  it('parses the example verifier and signer keys, which agree', () => {
    const v = parseVerifierKey(GO_NOTE.verifierKey);
    const s = parseSignerKey(GO_NOTE.signerKey);
    expect(v.name).toBe('PeterNeumann');
    expect(v.keyId).toBe(0xc74f20a3);
    expect(toHex(s.publicKey)).toBe(toHex(v.publicKey));
  });

  it('rejects every truncation and every one-byte change of the verifier key, as Go does', () => {
    const k = GO_NOTE.verifierKey;
    for (let i = 0; i <= k.length; i++) {
      for (let j = i + 1; j <= k.length; j++) {
        if (i === 0 && j === k.length) continue;
        expect(codeOf(() => parseVerifierKey(k.slice(i, j)))).toBe('LOG_MALFORMED_KEY');
      }
    }
    for (let i = 0; i < k.length; i++) {
      const changed = k.slice(0, i) + String.fromCharCode(k.charCodeAt(i) + 1) + k.slice(i + 1);
      expect(codeOf(() => parseVerifierKey(changed))).toBe('LOG_MALFORMED_KEY');
    }
  });

  it('rejects every one-byte change of the signer key', () => {
    const k = GO_NOTE.signerKey;
    for (let i = 0; i < k.length; i++) {
      const changed = k.slice(0, i) + String.fromCharCode(k.charCodeAt(i) + 1) + k.slice(i + 1);
      expect(codeOf(() => parseSignerKey(changed))).toBe('LOG_MALFORMED_KEY');
    }
  });

  it('generates key pairs that sign and verify, and whose strings round-trip', () => {
    const { signerKey, verifierKey } = generateKey('openslate.example/log');
    expect(signerKey.startsWith('PRIVATE+KEY+openslate.example/log+')).toBe(true);
    const signed = signNote('hello\n', [noteSigner(signerKey)]);
    expect(openNote(signed, [noteVerifier(verifierKey)]).verified).toHaveLength(1);
    expect(codeOf(() => generateKey('bad name'))).toBe('LOG_MALFORMED_KEY');
    expect(codeOf(() => generateKey('bad+name'))).toBe('LOG_MALFORMED_KEY');
  });
});

describe('signed notes', () => {
  it('signs the Go example note byte for byte (Ed25519 is deterministic)', () => {
    expect(signNote(GO_NOTE.text, [noteSigner(GO_NOTE.signerKey)])).toBe(GO_NOTE.signed);
  });

  it('opens the Go example note with its verifier key', () => {
    const note = openNote(GO_NOTE.signed, [noteVerifier(GO_NOTE.verifierKey)]);
    expect(note.text).toBe(GO_NOTE.text);
    expect(note.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
  });

  it('fails a changed text or signature with LOG_BAD_SIGNATURE', () => {
    const v = [noteVerifier(GO_NOTE.verifierKey)];
    expect(codeOf(() => openNote(GO_NOTE.signed.replace('answer', 'Answer'), v))).toBe('LOG_BAD_SIGNATURE');
    expect(codeOf(() => openNote(GO_NOTE.signed.replace('x08go/ZJ', 'x08go/ZK'), v))).toBe(
      'LOG_BAD_SIGNATURE',
    );
  });

  it('ignores unknown keys but refuses a note no known key signed (LOG_UNKNOWN_KEY)', () => {
    const other = generateKey('someone.else');
    expect(codeOf(() => openNote(GO_NOTE.signed, [noteVerifier(other.verifierKey)]))).toBe('LOG_UNKNOWN_KEY');
    const twice = signNote(GO_NOTE.text, [noteSigner(other.signerKey), noteSigner(GO_NOTE.signerKey)]);
    expect(openNote(twice, [noteVerifier(GO_NOTE.verifierKey)]).verified).toHaveLength(1);
  });

  it.each([
    ['no blank line', 'text\n— PeterNeumann AAAAAAA=\n'],
    ['no final newline', 'text\n\n— PeterNeumann x08go/ZJkuBS9UG'],
    ['no dash', 'text\n\n- PeterNeumann x08go/ZJ\n'],
    ['bad base64', 'text\n\n— PeterNeumann x08go/ZJ!\n'],
    ['short signature', 'text\n\n— PeterNeumann AAAA\n'],
    [
      'control character',
      'te\txt\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n',
    ],
    ['empty signature block', 'text\n\n'],
  ])('refuses a malformed note (%s) with LOG_MALFORMED_NOTE', (_, note) => {
    expect(codeOf(() => parseNote(note))).toBe('LOG_MALFORMED_NOTE');
  });
});

describe('the C2SP signed-note example', () => {
  it('splits at the last blank line: the text keeps its own blank line, one Ed25519 signature follows', () => {
    const note = parseNote(C2SP_NOTE);
    expect(note.text).toBe(
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n',
    );
    expect(note.signatures).toHaveLength(1);
    const sig = note.signatures[0]!;
    const raw = Buffer.from(C2SP_NOTE.split(' ').at(-1)!.trim(), 'base64');
    expect(sig.name).toBe('quasimodo.example/salvatore');
    expect(sig.keyId).toBe(raw.readUInt32BE(0));
    expect(sig.signature).toHaveLength(64);
    // Unverifiable without its key: opening it with any other key is LOG_UNKNOWN_KEY.
    expect(codeOf(() => openNote(C2SP_NOTE, [noteVerifier(GO_NOTE.verifierKey)]))).toBe('LOG_UNKNOWN_KEY');
  });
});

describe('tlog-checkpoint', () => {
  const root = new Uint8Array(32).fill(7) as Hash;

  it('parses the C2SP example checkpoint', () => {
    const cp = parseCheckpoint(parseNote(C2SP_COSIGNED).text);
    expect(cp.origin).toBe('example.com/behind-the-sofa');
    expect(cp.size).toBe(20852163);
    // Node's own base64 decoder as the independent reference.
    expect(toHex(cp.root)).toBe(
      Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64').toString('hex'),
    );
    expect(cp.extensions).toEqual([]);
  });

  it('formats and parses back, extensions included', () => {
    const cp = { origin: 'openslate.example/e1', size: 42, root, extensions: ['ext one'] };
    expect(parseCheckpoint(formatCheckpoint(cp))).toEqual(cp);
  });

  it.each([
    ['two lines', 'o\n5\n'],
    ['no final newline', 'o\n5\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc='],
    ['empty origin', '\n5\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n'],
    ['leading zero size', 'o\n05\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n'],
    ['negative size', 'o\n-5\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n'],
    ['huge size', 'o\n99999999999999999999\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n'],
    ['short root', 'o\n5\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBw==\n'],
    ['root not base64', 'o\n5\nnot base64!\n'],
    ['empty extension line', 'o\n5\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n\n'],
  ])('refuses a malformed checkpoint (%s) with LOG_MALFORMED_CHECKPOINT', (_, text) => {
    expect(codeOf(() => parseCheckpoint(text))).toBe('LOG_MALFORMED_CHECKPOINT');
  });

  it('opens a signed checkpoint and checks its origin', () => {
    const { signerKey, verifierKey } = generateKey('openslate.example/e1');
    const signed = signCheckpoint({ origin: 'openslate.example/e1', size: 3, root, extensions: [] }, [
      noteSigner(signerKey),
    ]);
    const v = [noteVerifier(verifierKey)];
    expect(openCheckpoint(signed, v, 'openslate.example/e1').checkpoint.size).toBe(3);
    expect(codeOf(() => openCheckpoint(signed, v, 'openslate.example/e2'))).toBe('LOG_WRONG_ORIGIN');
    expect(codeOf(() => openCheckpoint(signed.replace('\n3\n', '\n4\n'), v))).toBe('LOG_BAD_SIGNATURE');
  });
});

describe('tlog-cosignature v1', () => {
  it('reads the timestamp of the C2SP example cosignature (its "time 1679315147")', () => {
    const witness = parseNote(C2SP_COSIGNED).signatures[1];
    expect(witness?.name).toBe('witness.example.com/w1');
    expect(cosignatureTime(witness!)).toBe(1679315147n);
  });

  it('cosigns a checkpoint; the cosignature verifies through openNote and binds text and time', () => {
    const log = generateKey('openslate.example/e1');
    const w = generateKey('witness.example/w1', SIG_COSIGNATURE_V1);
    expect(parseVerifierKey(w.verifierKey).type).toBe(SIG_COSIGNATURE_V1);
    const signed = signCheckpoint(
      { origin: 'openslate.example/e1', size: 1, root: new Uint8Array(32) as Hash, extensions: [] },
      [noteSigner(log.signerKey)],
    );
    const text = parseNote(signed).text;
    const line = cosignCheckpoint(
      text,
      cosigner(w.signerKey, () => 1700000000n),
    );
    const cosigned = signed + line;
    const opened = openNote(cosigned, [cosignatureVerifier(w.verifierKey)]);
    expect(opened.verified).toHaveLength(1);
    expect(cosignatureTime(opened.verified[0]!)).toBe(1700000000n);
    // Both the log's signature and the cosignature verify together.
    expect(
      openNote(cosigned, [noteVerifier(log.verifierKey), cosignatureVerifier(w.verifierKey)]).verified,
    ).toHaveLength(2);
    // Changing the time inside the signature breaks it: the timestamp is signed.
    const parsed = parseNote(cosigned);
    const sig = parsed.signatures[1]!;
    const forged = Uint8Array.from(sig.signature);
    forged[7] = (forged[7] as number) ^ 1;
    const forgedNote =
      signed +
      `— ${sig.name} ${Buffer.from([...Buffer.from(line.split(' ')[2]!.trim(), 'base64').subarray(0, 4), ...forged]).toString('base64')}\n`;
    expect(codeOf(() => openNote(forgedNote, [cosignatureVerifier(w.verifierKey)]))).toBe(
      'LOG_BAD_SIGNATURE',
    );
  });

  it('keeps note keys and cosignature keys apart', () => {
    const w = generateKey('witness.example/w1', SIG_COSIGNATURE_V1);
    const n = generateKey('log.example/l');
    expect(codeOf(() => noteVerifier(w.verifierKey))).toBe('LOG_MALFORMED_KEY');
    expect(codeOf(() => cosignatureVerifier(n.verifierKey))).toBe('LOG_MALFORMED_KEY');
    expect(codeOf(() => cosigner(n.signerKey, () => 0n))).toBe('LOG_MALFORMED_KEY');
  });
});
