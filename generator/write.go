package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"

	"github.com/scaffold-dev/scaffold/generator/gitrepo"
)

// ErrNotEmpty means the destination exists and holds files.
var ErrNotEmpty = errors.New("destination is not empty")

// NotEmptyError is ErrNotEmpty for one folder, said once.
type NotEmptyError struct{ Dir string }

func (e *NotEmptyError) Error() string {
	return e.Dir + " already exists and is not empty: choose another folder, or pass --force to write into it"
}

// Is makes errors.Is(err, ErrNotEmpty) hold.
func (e *NotEmptyError) Is(target error) bool { return target == ErrNotEmpty }

// CheckDestination fails when dir cannot take a new project: it exists and is
// not an empty folder (unless force), or its parent cannot be written.
func CheckDestination(dir string, force bool) error {
	return checkDestination(dir, force, true)
}

// checkDestination is CheckDestination; with probe false it does not write
// a file to learn whether the folder can be written, for a caller that
// writes there next anyway (Generate: its staging folder), which says the
// same when it cannot.
func checkDestination(dir string, force, probe bool) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return checkWritable(filepath.Dir(dir), probe)
	case err != nil:
		return fmt.Errorf("cannot use %s: %w", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("%s exists and is a file, not a folder: choose another name or folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", dir, err)
	}
	if len(entries) > 0 && !force {
		return &NotEmptyError{Dir: dir}
	}
	return checkWritable(dir, probe)
}

// checkWritable finds the nearest existing ancestor of dir and checks that it
// is a folder and, with probe, that a file can be created there.
func checkWritable(dir string, probe bool) error {
	for {
		fi, err := os.Stat(dir)
		if err == nil {
			if !fi.IsDir() {
				return fmt.Errorf("cannot create the project under %s: it is a file, not a folder", dir)
			}
			if !probe {
				return nil
			}
			f, err := os.CreateTemp(dir, ".scaffold-probe-*")
			if err != nil {
				return cannotWrite(dir, err)
			}
			name := f.Name()
			f.Close()
			return os.Remove(name)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return fmt.Errorf("cannot use %s: %w", dir, err)
		}
		dir = parent
	}
}

// cannotWrite says that a folder could not be written to, and why.
func cannotWrite(dir string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("cannot write to %s: check the folder exists and you may write there", dir)
	}
	return fmt.Errorf("cannot write to %s: %w", dir, err)
}

// stager writes the files of a project into its staging folder, from many
// goroutines at once, and keeps what the first commit takes of each: its
// Lstat and its blob.
type stager struct {
	root string
	git  bool
	dirs sync.Map // the folders made so far, slash-separated

	mu    sync.Mutex // guards files
	files []gitrepo.File
}

// newStager makes a new temporary folder beside dir, so that moving it into
// place is a rename on the same file system; git keeps each file's commit
// data. The caller removes the folder on failure.
func newStager(dir string, git bool) (*stager, error) {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, cannotWrite(parent, err)
	}
	tmp, err := mkdirStaging(parent, "."+filepath.Base(dir)+".scaffold-")
	if err != nil {
		return nil, cannotWrite(parent, err)
	}
	return &stager{root: tmp, git: git}, nil
}

// write writes f under the staging folder; it is safe for many goroutines.
func (s *stager) write(f File) error {
	p := filepath.Join(s.root, filepath.FromSlash(f.Path))
	if dir := path.Dir(f.Path); dir != "." {
		if _, made := s.dirs.Load(dir); !made {
			if err := os.MkdirAll(filepath.Dir(p), dirMode); err != nil {
				return fmt.Errorf("write %s: %w", f.Path, err)
			}
			s.dirs.Store(dir, true)
		}
	}
	fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, f.Mode)
	if err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	_, err = fh.Write(f.Data)
	var info fs.FileInfo
	if err == nil && s.git {
		info, err = fh.Stat()
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	if !s.git {
		return nil
	}
	gf, err := gitrepo.NewFile(f.Path, f.Data, info)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.files = append(s.files, gf)
	s.mu.Unlock()
	return nil
}

// dirMode is the mode every folder of a project is created with; the
// process's umask applies, as for any program (0777 &^ 022 is 0755).
const dirMode fs.FileMode = 0o777

// mkdirStaging makes a new, uniquely named folder in parent. Unlike
// os.MkdirTemp (always 0700), its mode is dirMode under the umask, because
// the staging folder becomes the project's root folder.
func mkdirStaging(parent, prefix string) (string, error) {
	for range 100 {
		name := filepath.Join(parent, prefix+strconv.FormatUint(rand.Uint64(), 36))
		err := os.Mkdir(name, dirMode)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("no free name for a staging folder in %s", parent)
}

// Place moves a staged folder to dir. A missing dir is created by one
// rename, so the project appears at once or not at all. An existing folder
// (empty, or any with --force) is kept — it may be the user's working
// directory — and the staged entries are moved into it.
func Place(staged, dir string) error {
	_, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Rename(staged, dir); err != nil {
			return fmt.Errorf("move the project into %s: %w", dir, err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("read %s: %w", dir, err)
	}
	return mergeInto(staged, dir)
}

func mergeInto(staged, dir string) error {
	err := filepath.WalkDir(staged, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(staged, p)
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, dirMode)
		}
		if fi, err := os.Stat(target); err == nil && fi.IsDir() {
			if err := os.RemoveAll(target); err != nil {
				return err
			}
		}
		return os.Rename(p, target)
	})
	if err != nil {
		return fmt.Errorf("move the project into %s: %w", dir, err)
	}
	return os.RemoveAll(staged)
}
