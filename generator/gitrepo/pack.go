package gitrepo

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/klauspost/compress/zlib"
)

// pack builds a packfile (format version 2) in memory: every object whole,
// zlib-compressed at the level Git uses for loose objects, and with it the
// entries of its .idx. The zlib streams come from klauspost/compress, which
// writes the same format as compress/zlib at a third of its CPU time (a
// default project: 0.9 ms against 3.0 ms). A project's objects are a few hundred kilobytes, and
// one file instead of one per object is what makes the commit cheap.
type pack struct {
	buf  bytes.Buffer
	idx  idxfile.Writer
	seen map[plumbing.Hash]bool
	n    uint32
}

func newPack(files int) *pack {
	p := &pack{seen: make(map[plumbing.Hash]bool, files*2)}
	p.buf.Write([]byte{'P', 'A', 'C', 'K', 0, 0, 0, 2, 0, 0, 0, 0}) // the count is set by finish
	return p
}

// entry is one object as the pack stores it: its header and its content,
// compressed.
type entry struct {
	hash plumbing.Hash
	data []byte
}

// compress makes the entry of an object with zw.
func compress(zw *zlib.Writer, t plumbing.ObjectType, content []byte) (entry, error) {
	e := entry{hash: objectHash(t, content)}
	var buf bytes.Buffer
	buf.Grow(len(content)/2 + 32)
	// The header: the type in bits 4-6 of the first byte, the size in its
	// low 4 bits and then 7 bits a byte, the high bit saying "more follows".
	size := uint64(len(content))
	b := byte(t)<<4 | byte(size&0x0f)
	for size >>= 4; size != 0; size >>= 7 {
		buf.WriteByte(b | 0x80)
		b = byte(size & 0x7f)
	}
	buf.WriteByte(b)
	zw.Reset(&buf)
	if _, err := zw.Write(content); err != nil {
		return e, fmt.Errorf("compress %s %s: %w", t, e.hash, err)
	}
	if err := zw.Close(); err != nil {
		return e, fmt.Errorf("compress %s %s: %w", t, e.hash, err)
	}
	e.data = buf.Bytes()
	return e, nil
}

// objectHash is an object's name, the SHA-1 of its header and content, as
// plumbing.ComputeHash makes it but with the standard library's SHA-1:
// go-git's collision-detecting SHA-1 is several times slower, and has nothing
// to detect in files scaffold has just written itself.
func objectHash(t plumbing.ObjectType, content []byte) plumbing.Hash {
	h := sha1.New()
	header := append(append(t.Bytes(), ' '), strconv.Itoa(len(content))...)
	h.Write(append(header, 0))
	h.Write(content)
	var sum plumbing.Hash
	h.Sum(sum[:0])
	return sum
}

// zlibWriters hands out writers at Git's level for loose objects, at most
// one per processor: each holds near a megabyte of tables and buffers, which
// a short-lived process pays for in page faults the first time it touches
// them, and more goroutines than processors cannot compress faster anyway. A
// nil in the channel is a writer not made yet.
var zlibWriters = func() chan *zlib.Writer {
	c := make(chan *zlib.Writer, runtime.GOMAXPROCS(0))
	for range cap(c) {
		c <- nil
	}
	return c
}()

// getZlib takes a writer, waiting while every one is in use.
func getZlib() *zlib.Writer {
	zw := <-zlibWriters
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level cannot fail
	}
	return zw
}

// putZlib gives a writer back.
func putZlib(zw *zlib.Writer) { zlibWriters <- zw }

// compressBlobs makes the entries of many blobs on every processor, in order.
func compressBlobs(contents [][]byte) ([]entry, error) {
	out := make([]entry, len(contents))
	errs := make([]error, len(contents))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(contents)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			zw := getZlib()
			defer putZlib(zw)
			for i := int(next.Add(1) - 1); i < len(contents); i = int(next.Add(1) - 1) {
				out[i], errs[i] = compress(zw, plumbing.BlobObject, contents[i])
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// append stores an entry once, however many times it comes.
func (p *pack) append(e entry) {
	if p.seen[e.hash] {
		return
	}
	p.seen[e.hash] = true
	p.idx.Add(e.hash, uint64(p.buf.Len()), crc32.ChecksumIEEE(e.data))
	p.buf.Write(e.data)
	p.n++
}

// add stores an object and returns its hash.
func (p *pack) add(t plumbing.ObjectType, content []byte) (plumbing.Hash, error) {
	zw := getZlib()
	e, err := compress(zw, t, content)
	putZlib(zw)
	if err != nil {
		return e.hash, err
	}
	p.append(e)
	return e.hash, nil
}

// finish sets the object count, appends the checksum and returns the pack
// and its index, both encoded.
func (p *pack) finish() (packData, idxData []byte, name string, err error) {
	binary.BigEndian.PutUint32(p.buf.Bytes()[8:12], p.n)
	sum := sha1.Sum(p.buf.Bytes())
	p.buf.Write(sum[:])
	if err := p.idx.OnFooter(plumbing.Hash(sum)); err != nil {
		return nil, nil, "", fmt.Errorf("index the pack: %w", err)
	}
	mi, err := p.idx.Index()
	if err != nil {
		return nil, nil, "", fmt.Errorf("index the pack: %w", err)
	}
	var ib bytes.Buffer
	if _, err := idxfile.NewEncoder(&ib).Encode(mi); err != nil {
		return nil, nil, "", fmt.Errorf("index the pack: %w", err)
	}
	return p.buf.Bytes(), ib.Bytes(), "pack-" + plumbing.Hash(sum).String(), nil
}

// writeSkeleton makes the .git folder of a repository with no commit yet:
// HEAD on main, the configuration with the remote, if any, and the folders
// writeCommit writes into. A .git that exists already is an error
// (fs.ErrExist), and is left alone.
func writeSkeleton(gitDir, remote string) error {
	cfg, err := repoConfig(remote)
	if err != nil {
		return err
	}
	if err := os.Mkdir(gitDir, 0o755); err != nil {
		return fmt.Errorf("git init: %w", err)
	}
	for _, d := range []string{filepath.Join(gitDir, "objects", "pack"), filepath.Join(gitDir, "refs", "heads")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("git init: %w", err)
		}
	}
	for _, f := range []repoFile{
		{filepath.Join(gitDir, "config"), cfg, 0o644},
		{filepath.Join(gitDir, "HEAD"), []byte("ref: refs/heads/" + Branch + "\n"), 0o644},
	} {
		if err := os.WriteFile(f.path, f.data, f.mode); err != nil {
			return fmt.Errorf("git init: %w", err)
		}
	}
	return nil
}

// repoFile is one file of the .git folder.
type repoFile struct {
	path string
	data []byte
	mode os.FileMode
}

// writeCommit writes into a skeleton (writeSkeleton) the pack and its index,
// the branch, and the index of the work tree, each file on a goroutine of its
// own: on a file system where making a file is slow, they take the time of
// one.
func writeCommit(gitDir string, p *pack, head plumbing.Hash, entries []*index.Entry) error {
	packData, idxData, name, err := p.finish()
	if err != nil {
		return err
	}
	var ib bytes.Buffer
	if err := index.NewEncoder(&ib).Encode(&index.Index{Version: 2, Entries: entries}); err != nil {
		return fmt.Errorf("write the index: %w", err)
	}
	packDir := filepath.Join(gitDir, "objects", "pack")
	files := []repoFile{
		{filepath.Join(packDir, name+".pack"), packData, 0o444},
		{filepath.Join(packDir, name+".idx"), idxData, 0o444},
		{filepath.Join(gitDir, "refs", "heads", Branch), []byte(head.String() + "\n"), 0o644},
		{filepath.Join(gitDir, "index"), ib.Bytes(), 0o644},
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() { errs[i] = os.WriteFile(f.path, f.data, f.mode) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// treeEntry is one entry of a tree object: a file, link or folder.
type treeEntry struct {
	name string
	mode filemode.FileMode
	hash plumbing.Hash
}

// encodeTree is the content of a tree object: each entry as its mode in
// octal, a space, its name, a NUL and its hash, in Git's order (by name, a
// folder's name as if it ended in "/").
func encodeTree(entries []treeEntry) []byte {
	key := func(e treeEntry) string {
		if e.mode == filemode.Dir {
			return e.name + "/"
		}
		return e.name
	}
	sort.Slice(entries, func(i, j int) bool { return key(entries[i]) < key(entries[j]) })
	var b []byte
	for _, e := range entries {
		b = strconv.AppendUint(b, uint64(e.mode), 8)
		b = append(append(append(b, ' '), e.name...), 0)
		b = append(b, e.hash[:]...)
	}
	return b
}

// encodeCommit is the content of a root commit of tree, whose author is its
// committer: the headers, a blank line and the message.
func encodeCommit(tree plumbing.Hash, name, email string, when time.Time, message string) []byte {
	sig := name + " <" + email + "> " + strconv.FormatInt(max(when.Unix(), 0), 10) + " " + when.Format("-0700")
	return []byte("tree " + tree.String() + "\nauthor " + sig + "\ncommitter " + sig + "\n\n" + message)
}
