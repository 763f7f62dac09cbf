// Package gitrepo makes a generated project a Git repository, in process:
// branch main, every file the project's .gitignore files do not exclude
// committed once, an optional origin. The objects are built from the files
// held in memory and written as one packfile with its index (pack.go), and
// the Git index from what the file system says about each file, so nothing
// is read back and no status walk runs. It never runs the git program.
package gitrepo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-billy/v5/memfs"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-billy/v5/util"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/klauspost/compress/zlib"
)

// Branch is the branch of the first commit.
const Branch = "main"

const (
	gitDir        = ".git"
	gitignoreFile = ".gitignore"
)

// Commit describes the first commit.
type Commit struct {
	AuthorName  string
	AuthorEmail string
	Message     string
	Remote      string // origin URL; empty for none
	When        time.Time
}

// File is one file of a project that is already written under the
// repository's folder, with the content that was written. Its mode in the
// commit is the one the file system reports (an executable script stays
// executable), so the index agrees with the folder.
type File struct {
	Path string // slash-separated, relative to the folder
	Data []byte // the content; for a symbolic link, its target
	// Info is the file's Lstat, taken after it was written; nil has Init
	// take it.
	Info fs.FileInfo

	blob *entry // the blob, made by NewFile; nil has Prepare make it
}

// NewFile is a File whose blob is hashed and compressed now, for a caller
// that writes many files on several goroutines and makes each blob where it
// writes the file.
func NewFile(path string, data []byte, info fs.FileInfo) (File, error) {
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	e, err := compress(zw, plumbing.BlobObject, data)
	if err != nil {
		return File{}, fmt.Errorf("git add %s: %w", path, err)
	}
	return File{Path: path, Data: data, Info: info, blob: &e}, nil
}

// Init makes dir a repository on branch main whose first commit holds the
// files that the project's own .gitignore files (among files) do not
// exclude, and returns the commit hash. The files must already be in dir
// with exactly this content; Init does not read them back.
func Init(dir string, files []File, c Commit) (string, error) {
	return Prepare(files).Init(dir, c)
}

// Prepared is what a first commit takes from the files' content alone:
// which files .gitignore keeps, and their blobs, hashed and compressed. It
// can be made while the files are being written.
type Prepared struct {
	files []File // kept, sorted by path
	blobs []entry
	err   error
}

// Prepare makes the content-only part of the commit of files (see Init).
func Prepare(files []File) *Prepared {
	ignored, err := ignoreMatcher(files)
	if err != nil {
		return &Prepared{err: err}
	}
	kept := make([]File, 0, len(files))
	for _, f := range files {
		if !isIgnored(ignored, f.Path) {
			kept = append(kept, f)
		}
	}
	return prepare(kept)
}

// Init is the package's Init with the content-only part done.
func (p *Prepared) Init(dir string, c Commit) (string, error) {
	if err := checkAuthor(c); err != nil {
		return "", err
	}
	if p.err != nil {
		return "", p.err
	}
	return p.write(dir, c)
}

// InitFromDisk is Init for a folder whose files are not held in memory (an
// install step has written a lockfile, node_modules or .venv): it walks dir
// with the .gitignore files found there, never entering an ignored folder,
// and reads the files it keeps.
func InitFromDisk(dir string, c Commit) (string, error) {
	if err := checkAuthor(c); err != nil {
		return "", err
	}
	patterns, err := gitignore.ReadPatterns(osfs.New(dir), nil)
	if err != nil {
		return "", fmt.Errorf("read .gitignore: %w", err)
	}
	ignored := gitignore.NewMatcher(patterns)
	var files []File
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		parts := strings.Split(rel, "/")
		switch {
		case d.IsDir() && (rel == gitDir || ignored.Match(parts, true)):
			return filepath.SkipDir
		case d.IsDir() || ignored.Match(parts, false):
			return nil
		}
		var data []byte
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return fmt.Errorf("%s is neither a file nor a link: Git cannot commit it", rel)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			data = []byte(filepath.ToSlash(target))
		} else if data, err = os.ReadFile(p); err != nil {
			return err
		}
		files = append(files, File{Path: rel, Data: data})
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("git add: %w", err)
	}
	return prepare(files).Init(dir, c)
}

func checkAuthor(c Commit) error {
	if c.AuthorName == "" || c.AuthorEmail == "" {
		return errors.New("the first commit needs an author name and e-mail")
	}
	return nil
}

// ignoreMatcher reads the patterns of the .gitignore files among files the
// way Git (and go-git's ReadPatterns) reads them from a folder: the root's
// first, then each folder's, never from inside an ignored folder.
func ignoreMatcher(files []File) (gitignore.Matcher, error) {
	fsys := memfs.New()
	for _, f := range files {
		if path.Base(f.Path) != gitignoreFile {
			continue
		}
		if err := util.WriteFile(fsys, f.Path, f.Data, 0o644); err != nil {
			return nil, fmt.Errorf("read %s: %w", f.Path, err)
		}
	}
	patterns, err := gitignore.ReadPatterns(fsys, nil)
	if err != nil {
		return nil, fmt.Errorf("read .gitignore: %w", err)
	}
	return gitignore.NewMatcher(patterns), nil
}

// isIgnored reports whether p is excluded: it lies in an ignored folder (Git
// does not look inside one, whatever a later pattern says) or is ignored
// itself.
func isIgnored(m gitignore.Matcher, p string) bool {
	parts := strings.Split(p, "/")
	if parts[0] == gitDir {
		return true
	}
	for i := 1; i < len(parts); i++ {
		if m.Match(parts[:i], true) {
			return true
		}
	}
	return m.Match(parts, false)
}

// prepare sorts and checks the files that will be committed and makes their
// blobs. files is the caller's no more.
func prepare(files []File) *Prepared {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	var contents [][]byte // of the files without a blob, in order
	for i, f := range files {
		if i > 0 && f.Path == files[i-1].Path {
			return &Prepared{err: fmt.Errorf("git add %s: the file is listed twice", f.Path)}
		}
		if err := checkPath(f.Path); err != nil {
			return &Prepared{err: err}
		}
		if f.blob == nil {
			contents = append(contents, f.Data)
		}
	}
	made, err := compressBlobs(contents)
	blobs := make([]entry, len(files))
	for i, f := range files {
		if f.blob != nil {
			blobs[i] = *f.blob
		} else {
			blobs[i], made = made[0], made[1:]
		}
	}
	return &Prepared{files: files, blobs: blobs, err: err}
}

// write makes dir/.git: the objects of the files, one commit on main, the
// index and the configuration.
func (pr *Prepared) write(dir string, c Commit) (string, error) {
	files, blobs := pr.files, pr.blobs
	p := newPack(len(files))
	entries := make([]*index.Entry, 0, len(files))
	root := &treeNode{}
	for i, f := range files {
		fi := f.Info
		if fi == nil {
			var err error
			if fi, err = os.Lstat(filepath.Join(dir, filepath.FromSlash(f.Path))); err != nil {
				return "", fmt.Errorf("git add %s: %w", f.Path, err)
			}
		}
		mode, err := filemode.NewFromOSFileMode(fi.Mode())
		if err != nil {
			return "", fmt.Errorf("git add %s: %w", f.Path, err)
		}
		if mode != filemode.Symlink && fi.Size() != int64(len(f.Data)) {
			return "", fmt.Errorf("git add %s: the file changed on disk while it was committed", f.Path)
		}
		h := blobs[i].hash
		p.append(blobs[i])
		e := &index.Entry{Hash: h, Name: f.Path, Mode: mode, ModifiedAt: fi.ModTime(), Size: uint32(fi.Size())}
		fillSystemInfo(e, fi)
		entries = append(entries, e)
		root.insert(strings.Split(f.Path, "/"), object.TreeEntry{Mode: mode, Hash: h})
	}
	tree, err := root.write(p)
	if err != nil {
		return "", err
	}
	when := c.When
	if when.IsZero() {
		when = time.Now()
	}
	sig := object.Signature{Name: c.AuthorName, Email: c.AuthorEmail, When: when}
	commit := &object.Commit{Author: sig, Committer: sig, Message: c.Message, TreeHash: tree}
	raw, err := encode(commit)
	if err != nil {
		return "", fmt.Errorf("git commit: %w", err)
	}
	head, err := p.add(plumbing.CommitObject, raw)
	if err != nil {
		return "", err
	}
	cfg, err := repoConfig(c.Remote)
	if err != nil {
		return "", err
	}
	if err := writeRepository(filepath.Join(dir, gitDir), p, head, entries, cfg); err != nil {
		return "", fmt.Errorf("git commit: %w", err)
	}
	return head.String(), nil
}

// checkPath refuses a path Git would refuse in a tree.
func checkPath(p string) error {
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.EqualFold(seg, gitDir) {
			return fmt.Errorf("git add %s: not a path Git can commit", p)
		}
	}
	return nil
}

func repoConfig(remote string) ([]byte, error) {
	cfg := config.NewConfig()
	if remote != "" {
		cfg.Remotes["origin"] = &config.RemoteConfig{Name: "origin", URLs: []string{remote}}
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("git remote add origin: %w", err)
	}
	raw, err := cfg.Marshal()
	if err != nil {
		return nil, fmt.Errorf("git config: %w", err)
	}
	return raw, nil
}

// treeNode is a folder of the commit being built.
type treeNode struct {
	files   map[string]object.TreeEntry
	folders map[string]*treeNode
}

func (t *treeNode) insert(parts []string, e object.TreeEntry) {
	if len(parts) == 1 {
		if t.files == nil {
			t.files = map[string]object.TreeEntry{}
		}
		e.Name = parts[0]
		t.files[parts[0]] = e
		return
	}
	if t.folders == nil {
		t.folders = map[string]*treeNode{}
	}
	sub := t.folders[parts[0]]
	if sub == nil {
		sub = &treeNode{}
		t.folders[parts[0]] = sub
	}
	sub.insert(parts[1:], e)
}

// write adds the tree objects of t and its folders to p, and returns t's hash.
func (t *treeNode) write(p *pack) (plumbing.Hash, error) {
	tree := &object.Tree{Entries: make([]object.TreeEntry, 0, len(t.files)+len(t.folders))}
	for _, e := range t.files {
		tree.Entries = append(tree.Entries, e)
	}
	for name, sub := range t.folders {
		h, err := sub.write(p)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		tree.Entries = append(tree.Entries, object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: h})
	}
	// Git orders a tree's entries by name, a folder's name as if it ended in "/".
	key := func(e object.TreeEntry) string {
		if e.Mode == filemode.Dir {
			return e.Name + "/"
		}
		return e.Name
	}
	sort.Slice(tree.Entries, func(i, j int) bool { return key(tree.Entries[i]) < key(tree.Entries[j]) })
	raw, err := encode(tree)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("git commit: %w", err)
	}
	return p.add(plumbing.TreeObject, raw)
}

// Identity is a name and e-mail from Git configuration.
type Identity struct{ Name, Email string }

// GlobalIdentity reads user.name and user.email from the user's global Git
// configuration (~/.gitconfig or $XDG_CONFIG_HOME/git/config). Missing
// values are empty strings, not errors.
func GlobalIdentity() Identity {
	cfg, err := config.LoadConfig(config.GlobalScope)
	if err != nil {
		return Identity{}
	}
	return Identity{Name: strings.TrimSpace(cfg.User.Name), Email: strings.TrimSpace(cfg.User.Email)}
}
