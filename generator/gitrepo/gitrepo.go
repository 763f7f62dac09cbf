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
	zw := getZlib()
	defer putZlib(zw)
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

// Skeleton is a repository before its first commit: dir/.git with HEAD on
// main, the configuration and the folders the commit is written into. Begin
// makes it on a goroutine of its own, so that a caller writing the project's
// files meanwhile does not wait for those few files and folders after them.
type Skeleton struct {
	dir  string
	done chan struct{}
	err  error
}

// Begin starts making the skeleton of a repository in dir, for commit c.
func Begin(dir string, c Commit) *Skeleton {
	s := &Skeleton{dir: dir, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		s.err = writeSkeleton(filepath.Join(dir, gitDir), c.Remote)
	}()
	return s
}

// Commit waits for the skeleton, then writes the first commit of p, made
// with c, and returns its hash. The files must already be in the folder
// with exactly the content p was prepared from. On failure it removes the
// .git folder Begin made, so no half repository is left.
func (s *Skeleton) Commit(p *Prepared, c Commit) (string, error) {
	<-s.done
	hash, err := s.commit(p, c)
	if err != nil {
		s.Abandon()
	}
	return hash, err
}

// Abandon waits for the skeleton and removes it, for a caller whose files
// failed: no half repository is left, and nothing is still being written.
func (s *Skeleton) Abandon() {
	<-s.done
	if !errors.Is(s.err, fs.ErrExist) {
		os.RemoveAll(filepath.Join(s.dir, gitDir))
	}
}

func (s *Skeleton) commit(p *Prepared, c Commit) (string, error) {
	if err := checkAuthor(c); err != nil {
		return "", err
	}
	if s.err != nil {
		return "", s.err
	}
	if p.err != nil {
		return "", p.err
	}
	return p.write(s.dir, c)
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
	folders := map[string]bool{} // whether a folder is ignored, asked once each
	for _, f := range files {
		if !isIgnored(ignored, f.Path, folders) {
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
	return Begin(dir, c).Commit(p, c)
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
// itself. folders remembers the answer for each folder on the way.
func isIgnored(m gitignore.Matcher, p string, folders map[string]bool) bool {
	parts := strings.Split(p, "/")
	if parts[0] == gitDir {
		return true
	}
	end := 0 // of the folder path parts[:i] in p
	for i := 1; i < len(parts); i++ {
		end += len(parts[i-1]) + 1
		dir := p[:end-1]
		ignored, asked := folders[dir]
		if !asked {
			ignored = m.Match(parts[:i], true)
			folders[dir] = ignored
		}
		if ignored {
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

// write adds to the skeleton in dir/.git the objects of the files, one
// commit on main and the index.
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
		root.insert(strings.Split(f.Path, "/"), treeEntry{mode: mode, hash: h})
	}
	tree, err := root.write(p)
	if err != nil {
		return "", err
	}
	when := c.When
	if when.IsZero() {
		when = time.Now()
	}
	head, err := p.add(plumbing.CommitObject, encodeCommit(tree, c.AuthorName, c.AuthorEmail, when, c.Message))
	if err != nil {
		return "", err
	}
	if err := writeCommit(filepath.Join(dir, gitDir), p, head, entries); err != nil {
		return "", fmt.Errorf("git commit: %w", err)
	}
	return head.String(), nil
}

// checkPath refuses a path Git would refuse in a tree.
func checkPath(p string) error {
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.EqualFold(seg, gitDir) || strings.ContainsRune(seg, 0) {
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
	files   map[string]treeEntry
	folders map[string]*treeNode
}

func (t *treeNode) insert(parts []string, e treeEntry) {
	if len(parts) == 1 {
		if t.files == nil {
			t.files = map[string]treeEntry{}
		}
		e.name = parts[0]
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
	entries := make([]treeEntry, 0, len(t.files)+len(t.folders))
	for _, e := range t.files {
		entries = append(entries, e)
	}
	for name, sub := range t.folders {
		h, err := sub.write(p)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		entries = append(entries, treeEntry{name: name, mode: filemode.Dir, hash: h})
	}
	return p.add(plumbing.TreeObject, encodeTree(entries))
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
