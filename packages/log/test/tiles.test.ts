import fc from 'fast-check';
import type { MemoryTree } from '../src/index.js';
import {
  decodeBundle,
  encodeBundle,
  encodeTileIndex,
  integrate,
  integrateFrom,
  integrationNeeds,
  parseTilePath,
  tileHashLookup,
  tileHashReader,
  tilePath,
  tilesForSize,
  toHex,
} from '../src/index.js';
import { codeOf, entry, Publication } from './helpers.js';

describe('tlog-tiles paths', () => {
  it('encodes the spec example 1234067 as x001/x234/067', () => {
    expect(encodeTileIndex(1234067)).toBe('x001/x234/067');
    expect(encodeTileIndex(0)).toBe('000');
    expect(encodeTileIndex(1000)).toBe('x001/000');
  });

  // Go's golang.org/x/mod/sumdb/tlog tilePaths, without Go's tile-height element (C2SP fixes it at 8).
  it.each([
    ['tile/0/001', { level: 0, index: 1, width: 256 }],
    ['tile/0/001.p/5', { level: 0, index: 1, width: 5 }],
    ['tile/5/x123/x456/078', { level: 5, index: 123456078, width: 256 }],
    ['tile/5/x123/x456/078.p/2', { level: 5, index: 123456078, width: 2 }],
    ['tile/entries/x003/x057/500', { level: 'entries', index: 3057500, width: 256 }],
  ] as const)('%s round-trips', (path, tile) => {
    expect(tilePath(tile)).toBe(path);
    expect(parseTilePath(path)).toEqual(tile);
  });

  it.each([
    'tile/5/123/456/078',
    'tile/-1/000',
    'tile/64/000',
    'tile/01/000',
    'tile/0/x000/001',
    'tile/0/1',
    'tile/0/000.p/0',
    'tile/0/000.p/256',
    'tile/0/000.p/05',
    'tile/data/000',
  ])('refuses %s with LOG_MALFORMED_TILE_PATH', (path) => {
    expect(codeOf(() => parseTilePath(path))).toBe('LOG_MALFORMED_TILE_PATH');
  });

  it('lists the tiles of the spec examples (sizes 70,000 and 256)', () => {
    const hashTiles = (size: number) => tilesForSize(size).filter((t) => t.level !== 'entries');
    const t = hashTiles(70000);
    expect(t.filter((x) => x.level === 0 && x.width === 256)).toHaveLength(273);
    expect(t.filter((x) => x.level === 0 && x.width < 256).map((x) => x.width)).toEqual([112]);
    expect(t.filter((x) => x.level === 1).map((x) => x.width)).toEqual([256, 17]);
    expect(t.filter((x) => x.level === 2).map((x) => x.width)).toEqual([1]);
    expect(hashTiles(256).map(tilePath)).toEqual(['tile/0/000', 'tile/1/000.p/1']);
  });
});

describe('entry bundles', () => {
  it('round-trip with 16-bit big-endian length prefixes', () => {
    const entries = [new Uint8Array(0), Uint8Array.of(1, 2, 3), new Uint8Array(300).fill(9)];
    const bundle = encodeBundle(entries);
    expect([...bundle.subarray(0, 2)]).toEqual([0, 0]);
    expect([...bundle.subarray(2, 4)]).toEqual([0, 3]);
    expect([...bundle.subarray(7, 9)]).toEqual([1, 44]);
    expect(decodeBundle(bundle, 3)).toEqual(entries);
  });

  it('gives LOG_TRUNCATED_BUNDLE for a cut bundle and LOG_BUNDLE_WRONG_COUNT for a wrong count', () => {
    const bundle = encodeBundle([Uint8Array.of(1, 2, 3), Uint8Array.of(4)]);
    for (let cut = 1; cut < bundle.length; cut++) {
      if (cut === 5) continue; // a whole first entry: well formed, one entry short
      expect(codeOf(() => decodeBundle(bundle.subarray(0, cut), 2))).toBe('LOG_TRUNCATED_BUNDLE');
    }
    expect(codeOf(() => decodeBundle(bundle.subarray(0, 5), 2))).toBe('LOG_BUNDLE_WRONG_COUNT');
    expect(codeOf(() => decodeBundle(bundle, 3))).toBe('LOG_BUNDLE_WRONG_COUNT');
    expect(codeOf(() => encodeBundle([new Uint8Array(65536)]))).toBe('LOG_ENTRY_TOO_LARGE');
  });
});

describe('integrating entries into tiles', () => {
  it('writes exactly the new and grown tiles', () => {
    const pub = new Publication();
    const first = pub.append(Array.from({ length: 300 }, (_, i) => entry(i)));
    expect(first.files.map((f) => f.path)).toEqual([
      'tile/0/000',
      'tile/0/001.p/44',
      'tile/1/000.p/1',
      'tile/entries/000',
      'tile/entries/001.p/44',
    ]);
    const second = pub.append([entry(300), entry(301)]);
    expect(second.files.map((f) => f.path)).toEqual(['tile/0/001.p/46', 'tile/entries/001.p/46']);
    expect(pub.append([]).files).toEqual([]);
  });

  it('needs the partial entry bundle to extend it', () => {
    const pub = new Publication();
    pub.append([entry(0)]);
    const hashes = tileHashLookup(1, (p) => pub.files.get(p));
    expect(codeOf(() => integrate({ oldSize: 1, entries: [entry(1)], hashes }))).toBe('LOG_MISSING_TILE');
  });

  it('property: tiles written in any batches read back every hash and root of the tree', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 4 }), (batches) => {
        const pub = new Publication();
        let next = 0;
        for (const b of batches) {
          const result = pub.append(Array.from({ length: b }, () => entry(next++, 20)));
          expect(toHex(result.root)).toBe(toHex(pub.tree.root()));
        }
        const tree: MemoryTree = pub.tree;
        const lookup = tileHashLookup(pub.size, (p) => pub.files.get(p));
        for (let level = 0; 2 ** level <= pub.size; level++) {
          for (let i = 0; (i + 1) * 2 ** level <= pub.size; i++) {
            expect(toHex(lookup(level, i))).toBe(toHex(tree.lookup(level, i)));
          }
        }
        // Every bundle decodes to the entries appended.
        let seen = 0;
        for (const t of tilesForSize(pub.size).filter((x) => x.level === 'entries')) {
          const entries = decodeBundle(pub.files.get(tilePath(t))!, t.width);
          for (const e of entries) expect(toHex(e)).toBe(toHex(entry(seen++, 20)));
        }
        expect(seen).toBe(pub.size);
      }),
      { numRuns: 15 },
    );
  });

  it('property: integrateFrom over an asynchronous tile reader reads only integrationNeeds and agrees', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 600 }),
        async (oldSize, add) => {
          const pub = new Publication();
          pub.append(Array.from({ length: oldSize }, (_, i) => entry(i, 8)));
          const news = Array.from({ length: add }, (_, i) => entry(oldSize + i, 8));
          const partial = [...pub.files.keys()].find(
            (p) => p.startsWith('tile/entries/') && p.includes('.p/'),
          );
          const partialBundle =
            oldSize % 256 === 0 || partial === undefined ? undefined : pub.files.get(partial);
          const asked: string[] = [];
          const reader = tileHashReader(oldSize, async (p) => pub.files.get(p));
          const viaReader = await integrateFrom(
            async (ids) => {
              asked.push(...ids.map((id) => `${id.level}/${id.index}`));
              return reader(ids);
            },
            { oldSize, entries: news, ...(partialBundle ? { partialBundle } : {}) },
          );
          const direct = pub.append(news);
          expect(viaReader.files.map((f) => [f.path, toHex(f.data)])).toEqual(
            direct.files.map((f) => [f.path, toHex(f.data)]),
          );
          expect(toHex(viaReader.root)).toBe(toHex(direct.root));
          expect(asked.sort()).toEqual(
            integrationNeeds(oldSize, oldSize + add)
              .map((id) => `${id.level}/${id.index}`)
              .sort(),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reports a missing or wrong-sized tile with LOG_MISSING_TILE / LOG_MALFORMED_TILE', () => {
    const pub = new Publication();
    pub.append(Array.from({ length: 10 }, (_, i) => entry(i)));
    expect(codeOf(() => tileHashLookup(10, () => undefined)(0, 3))).toBe('LOG_MISSING_TILE');
    expect(codeOf(() => tileHashLookup(10, () => new Uint8Array(31))(0, 3))).toBe('LOG_MALFORMED_TILE');
    expect(codeOf(() => tileHashLookup(10, (p) => pub.files.get(p))(0, 10))).toBe('LOG_MISSING_HASH');
  });
});

describe('MemoryTileLog', () => {
  it('serves the same proofs from its tiles and from its stored hashes as a full tree, at every earlier size', () => {
    const pub = new Publication();
    // 70,563 entries reach level-2 tiles.
    for (const n of [3, 250, 10, 300, 70000])
      pub.append(Array.from({ length: n }, (_, i) => entry(pub.size + i, 4)));
    for (const size of [3, 253, 263, 563, 70563]) {
      const tiles = pub.tileLookup(size);
      for (const index of [0, 2, size - 1, Math.floor(size / 3)]) {
        const expected = pub.tree.inclusionProof(index, size).map(toHex);
        expect(pub.inclusionProof(index, size).map(toHex)).toEqual(expected);
        expect(pub.inclusionProof(index, size, tiles).map(toHex)).toEqual(expected);
      }
      const expected = pub.tree.consistencyProof(3, size).map(toHex);
      expect(pub.consistencyProof(3, size).map(toHex)).toEqual(expected);
      expect(pub.consistencyProof(3, size, tiles).map(toHex)).toEqual(expected);
    }
    expect(codeOf(() => pub.hashes.lookup(0, 70563))).toBe('LOG_MISSING_HASH');
  });
});
