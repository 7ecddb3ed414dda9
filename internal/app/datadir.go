package app

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"govarchive/internal/segment"
)

// A data directory holds one live index and the user dictionary it was
// built with:
//
//	CURRENT               name of the live index directory (replaced atomically)
//	index-…/              the bleve index
//	index-….userdict      names harvested from the archive, one per line
//
// CURRENT is what tells a fresh directory from one whose index was lost: an
// index that CURRENT names but that is missing or broken is an error with a
// recovery hint, never a silently empty index.
const (
	currentFile  = "CURRENT"
	firstIndex   = "index"
	userDictExt  = ".userdict"
	recoveryHint = "recover with `govarchive reindex --from SOURCES...` or restore a backup (`govarchive backup`)"
)

// ErrIndexMissing reports a data directory whose index is gone or unreadable.
var ErrIndexMissing = errors.New("index missing or damaged")

// liveIndex returns the name of the live index, or "" for a fresh directory.
func liveIndex(dataDir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, currentFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("data directory: %w", err)
	}
	name := strings.TrimSpace(string(b))
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return "", fmt.Errorf("%w: %s holds %q; %s", ErrIndexMissing, currentFile, name, recoveryHint)
	}
	if _, err := os.Stat(filepath.Join(dataDir, name)); err != nil {
		return "", fmt.Errorf("%w: %s names %s, which cannot be read (%v); %s",
			ErrIndexMissing, currentFile, name, err, recoveryHint)
	}
	return name, nil
}

// setLive points CURRENT at name atomically (write, sync, rename).
func setLive(dataDir, name string) error {
	tmp := filepath.Join(dataDir, currentFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	if _, err := f.WriteString(name + "\n"); err != nil {
		f.Close()
		return fmt.Errorf("data directory: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("data directory: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dataDir, currentFile)); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	if d, err := os.Open(dataDir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// readUserDict reads the archive's user dictionary for an index; a missing
// file is an empty dictionary.
func readUserDict(dataDir, name string) ([]segment.Word, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, name+userDictExt))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("user dictionary: %w", err)
	}
	var words []segment.Word
	for _, line := range strings.Split(string(b), "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			words = append(words, segment.Word{Text: w, Freq: segment.UserFreq, POS: segment.UserPOS})
		}
	}
	return words, nil
}

func writeUserDict(dataDir, name string, words []segment.Word) error {
	var b strings.Builder
	b.WriteString("# names harvested from the archive by `govarchive reindex`\n")
	for _, w := range words {
		b.WriteString(w.Text)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(dataDir, name+userDictExt), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("user dictionary: %w", err)
	}
	return nil
}

// removeLeftovers removes what a process killed mid-way left beside the live
// index: a backup's staging copy, a reindex's unfinished index or the one
// it replaced, with their dictionaries, each as large as an index. It runs with the live index open:
// another process's backup or reindex holds that index (or finds it
// damaged and has it refuse to open), so nothing removed is in use. A fresh
// directory is left alone: a reindex --from may be building its first index.
func removeLeftovers(dataDir, live string, log *slog.Logger) {
	entries, err := os.ReadDir(dataDir)
	if err != nil {
		log.Warn("data directory: look for leftovers", "error", err)
		return
	}
	for _, e := range entries {
		name := e.Name()
		backup := e.IsDir() && strings.HasPrefix(name, ".backup-")
		// An index that is not live: a reindex's unfinished one, or the
		// one it replaced when it was killed before removing it.
		base := strings.TrimSuffix(name, userDictExt)
		reindex := (base == firstIndex || strings.HasPrefix(base, firstIndex+"-")) && base != live
		if !backup && !reindex {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dataDir, name)); err != nil {
			log.Warn("data directory: remove what an interrupted backup or reindex left", "path", name, "error", err)
			continue
		}
		log.Info("data directory: removed what an interrupted backup or reindex left", "path", name)
	}
}
