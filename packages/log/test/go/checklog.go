// checklog opens a checkpoint written by @openslate/log with Go's golang.org/x/mod/sumdb/note, recomputes the
// tree from the entry bundles with golang.org/x/mod/sumdb/tlog, compares every hash tile, and prints Go's own
// inclusion and consistency proofs so the TypeScript test can compare them with ours.
//
// usage: checklog <publication dir> <verifier key> <leaf index> <old size>
// output: "ok <size> <base64 root>", then "inclusion <base64 hashes...>", then "consistency <base64 hashes...>"
package main

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "checklog: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 5 {
		fail("usage: checklog <dir> <vkey> <leaf index> <old size>")
	}
	dir, vkey := os.Args[1], os.Args[2]
	leaf, _ := strconv.ParseInt(os.Args[3], 10, 64)
	old, _ := strconv.ParseInt(os.Args[4], 10, 64)

	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		fail("verifier key: %v", err)
	}
	msg, err := os.ReadFile(filepath.Join(dir, "checkpoint"))
	if err != nil {
		fail("%v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fail("note.Open: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("checkpoint too short")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("size: %v", err)
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		fail("root: %v", err)
	}

	// Rebuild the stored hashes from the entry bundles (Go's "data" tiles are our tile/entries).
	var stored []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, x := range indexes {
			out[i] = stored[x]
		}
		return out, nil
	})
	for start := int64(0); start < size; start += 256 {
		width := size - start
		if width > 256 {
			width = 256
		}
		t := tlog.Tile{H: 8, L: -1, N: start / 256, W: int(width)}
		path := strings.Replace(t.Path(), "tile/8/data/", "tile/entries/", 1)
		bundle, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			fail("%v", err)
		}
		for i := int64(0); i < width; i++ {
			if len(bundle) < 2 {
				fail("%s is truncated", path)
			}
			l := int(bundle[0])<<8 | int(bundle[1])
			if len(bundle) < 2+l {
				fail("%s is truncated", path)
			}
			hashes, err := tlog.StoredHashes(start+i, bundle[2:2+l], reader)
			if err != nil {
				fail("StoredHashes: %v", err)
			}
			stored = append(stored, hashes...)
			bundle = bundle[2+l:]
		}
		if len(bundle) != 0 {
			fail("%s has trailing bytes", path)
		}
	}
	got, err := tlog.TreeHash(size, reader)
	if err != nil {
		fail("TreeHash: %v", err)
	}
	if got != root {
		fail("root mismatch: tlog computes %v, checkpoint says %v", got, root)
	}
	for _, t := range tlog.NewTiles(8, 0, size) {
		// Go's sumdb serves every intermediate partial width; tlog-tiles only the one for this size.
		if t.W < 256 && int64(t.W) != (size>>(8*uint(t.L)))-t.N*256 {
			continue
		}
		want, err := tlog.ReadTileData(t, reader)
		if err != nil {
			fail("ReadTileData: %v", err)
		}
		path := strings.Replace(t.Path(), "tile/8/", "tile/", 1)
		have, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			fail("%v", err)
		}
		if string(have) != string(want) {
			fail("%s differs from tlog's tile", path)
		}
	}
	fmt.Printf("ok %d %s\n", size, base64.StdEncoding.EncodeToString(got[:]))

	rp, err := tlog.ProveRecord(size, leaf, reader)
	if err != nil {
		fail("ProveRecord: %v", err)
	}
	fmt.Print("inclusion")
	for _, h := range rp {
		fmt.Print(" ", base64.StdEncoding.EncodeToString(h[:]))
	}
	fmt.Println()
	tp, err := tlog.ProveTree(size, old, reader)
	if err != nil {
		fail("ProveTree: %v", err)
	}
	fmt.Print("consistency")
	for _, h := range tp {
		fmt.Print(" ", base64.StdEncoding.EncodeToString(h[:]))
	}
	fmt.Println()
}
