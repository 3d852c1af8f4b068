import type { LogError } from '../src/index.js';
import {
  encodeEntry,
  generateKey,
  noteSigner,
  parseEntry,
  signCheckpoint,
  signNote,
  toBase64,
  verifyPublishedLog,
  type Hash,
} from '../src/index.js';
import { entry, Publication } from './helpers.js';

const ORIGIN = 'openslate.example/e1';
const key = generateKey(ORIGIN);

function published(size: number): { pub: Publication; checkpoint: string; root: Hash } {
  const pub = new Publication();
  const { root } = pub.append(Array.from({ length: size }, (_, i) => entry(i)));
  const checkpoint = signCheckpoint({ origin: ORIGIN, size, root, extensions: [] }, [
    noteSigner(key.signerKey),
  ]);
  return { pub, checkpoint, root };
}

const errorCode = async (p: Promise<{ ok: boolean; error?: LogError }>) => {
  const r = await p;
  return r.ok ? 'ok' : r.error?.code;
};

describe('verifyPublishedLog', () => {
  it.each([0, 1, 255, 256, 257, 600])(
    'accepts an honest log of %i entries and returns its size and root',
    async (size) => {
      const { pub, checkpoint, root } = published(size);
      const r = await verifyPublishedLog({
        checkpoint,
        verifierKey: key.verifierKey,
        fetch: pub.fetch,
        origin: ORIGIN,
      });
      expect(r).toMatchObject({ ok: true, size });
      if (r.ok) expect(toBase64(r.root)).toBe(toBase64(root));
    },
  );

  it('reports a checkpoint signed by another key as LOG_UNKNOWN_KEY and a forged one as LOG_BAD_SIGNATURE', async () => {
    const { pub, checkpoint } = published(5);
    const other = generateKey(ORIGIN);
    expect(
      await errorCode(verifyPublishedLog({ checkpoint, verifierKey: other.verifierKey, fetch: pub.fetch })),
    ).toBe('LOG_UNKNOWN_KEY');
    const forged = checkpoint.replace(`\n5\n`, '\n6\n');
    expect(
      await errorCode(
        verifyPublishedLog({ checkpoint: forged, verifierKey: key.verifierKey, fetch: pub.fetch }),
      ),
    ).toBe('LOG_BAD_SIGNATURE');
  });

  it('reports a malformed checkpoint body as LOG_MALFORMED_CHECKPOINT even when signed', async () => {
    const { pub } = published(5);
    const checkpoint = signNote(`${ORIGIN}\n05\n${toBase64(new Uint8Array(32))}\n`, [
      noteSigner(key.signerKey),
    ]);
    expect(
      await errorCode(verifyPublishedLog({ checkpoint, verifierKey: key.verifierKey, fetch: pub.fetch })),
    ).toBe('LOG_MALFORMED_CHECKPOINT');
    expect(
      await errorCode(
        verifyPublishedLog({ checkpoint: 'garbage', verifierKey: key.verifierKey, fetch: pub.fetch }),
      ),
    ).toBe('LOG_MALFORMED_NOTE');
  });

  it('reports a truncated entry bundle as LOG_TRUNCATED_BUNDLE', async () => {
    const { pub, checkpoint } = published(300);
    const path = 'tile/entries/001.p/44';
    pub.files.set(path, pub.files.get(path)!.subarray(0, 100));
    expect(
      await errorCode(verifyPublishedLog({ checkpoint, verifierKey: key.verifierKey, fetch: pub.fetch })),
    ).toBe('LOG_TRUNCATED_BUNDLE');
  });

  it('reports a rewritten entry as LOG_ROOT_MISMATCH', async () => {
    const { pub, checkpoint } = published(300);
    const bundle = Uint8Array.from(pub.files.get('tile/entries/000')!);
    bundle[10] = (bundle[10] as number) ^ 1;
    pub.files.set('tile/entries/000', bundle);
    expect(
      await errorCode(verifyPublishedLog({ checkpoint, verifierKey: key.verifierKey, fetch: pub.fetch })),
    ).toBe('LOG_ROOT_MISMATCH');
  });

  it('reports a hash tile that disagrees with the entries as LOG_TILE_MISMATCH', async () => {
    const { pub, checkpoint } = published(300);
    const tile = Uint8Array.from(pub.files.get('tile/1/000.p/1')!);
    tile[0] = (tile[0] as number) ^ 1;
    pub.files.set('tile/1/000.p/1', tile);
    expect(
      await errorCode(verifyPublishedLog({ checkpoint, verifierKey: key.verifierKey, fetch: pub.fetch })),
    ).toBe('LOG_TILE_MISMATCH');
  });

  it('reports a missing file as LOG_MISSING_TILE, a failing fetch too', async () => {
    const { pub, checkpoint } = published(300);
    pub.files.delete('tile/0/000');
    expect(
      await errorCode(verifyPublishedLog({ checkpoint, verifierKey: key.verifierKey, fetch: pub.fetch })),
    ).toBe('LOG_MISSING_TILE');
    const failing = async (): Promise<Uint8Array> => {
      throw new Error('network down');
    };
    expect(
      await errorCode(verifyPublishedLog({ checkpoint, verifierKey: key.verifierKey, fetch: failing })),
    ).toBe('LOG_MISSING_TILE');
  });

  it('reports the wrong origin as LOG_WRONG_ORIGIN', async () => {
    const { pub, checkpoint } = published(3);
    expect(
      await errorCode(
        verifyPublishedLog({
          checkpoint,
          verifierKey: key.verifierKey,
          fetch: pub.fetch,
          origin: 'x.example',
        }),
      ),
    ).toBe('LOG_WRONG_ORIGIN');
  });
});

describe('entry envelope', () => {
  const e = { type: 'ballot-cast', election: 'e1', body: { z: 1, a: ['é', 2.5] } };

  it('encodes as RFC 8785 canonical JSON and parses back', () => {
    const bytes = encodeEntry(e);
    expect(new TextDecoder().decode(bytes)).toBe(
      '{"body":{"a":["é",2.5],"z":1},"election":"e1","type":"ballot-cast"}',
    );
    expect(parseEntry(bytes)).toEqual(e);
  });

  it.each([
    ['not UTF-8', Uint8Array.of(0xff, 0xfe)],
    ['not JSON', new TextEncoder().encode('{"type":')],
    ['not canonical', new TextEncoder().encode('{"type":"t","election":"e","body":{}}')],
    ['extra member', new TextEncoder().encode('{"body":{},"election":"e","extra":1,"type":"t"}')],
    ['body not an object', new TextEncoder().encode('{"body":[],"election":"e","type":"t"}')],
    ['empty type', new TextEncoder().encode('{"body":{},"election":"e","type":""}')],
    ['an array', new TextEncoder().encode('[]')],
  ])('refuses an entry that is %s with LOG_MALFORMED_ENTRY', (_, bytes) => {
    expect(() => parseEntry(bytes)).toThrow(expect.objectContaining({ code: 'LOG_MALFORMED_ENTRY' }));
  });

  it('refuses values that are not JSON and entries above 65,535 bytes', () => {
    expect(() => encodeEntry({ type: 't', election: 'e', body: { x: Number.NaN } })).toThrow(
      expect.objectContaining({ code: 'LOG_MALFORMED_ENTRY' }),
    );
    expect(() => encodeEntry({ type: 't', election: 'e', body: { x: 'a'.repeat(70000) } })).toThrow(
      expect.objectContaining({ code: 'LOG_ENTRY_TOO_LARGE' }),
    );
  });
});
