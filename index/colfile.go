package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A segment's facet columns are kept in a file beside the index once
// built: segments never change, and reading the columns back takes a
// fraction of building them from the postings, which at 100,000 documents
// cost about 2 s of CPU on every start, on the two cores that load gse's
// dictionary at the same time. A file that is missing, stale or damaged is
// rebuilt; the files are a cache, not part of the index.

// ColumnCacheDir is the folder, inside the index's own, that holds the
// files; sizes of the index leave it out.
const ColumnCacheDir = "facet-columns"

// colMagic opens a column file; its last byte is the format's version.
var colMagic = []byte("govarchive-columns\x01")

// colFileName names the file of the segment with this scorch id.
func colFileName(id uint64) string { return fmt.Sprintf("%012x.cols", id) }

// writeColumns writes the columns of fields of a segment of n documents to
// path, whole or not at all.
func writeColumns(path string, n uint64, fields []string, cols []*column) error {
	var b bytes.Buffer
	b.Write(colMagic)
	u32 := func(v uint32) { b.Write(binary.LittleEndian.AppendUint32(nil, v)) }
	str := func(s string) { u32(uint32(len(s))); b.WriteString(s) }
	b.Write(binary.LittleEndian.AppendUint64(nil, n))
	u32(uint32(len(fields)))
	for i, f := range fields {
		c := cols[i]
		str(f)
		u32(uint32(len(c.terms)))
		for _, t := range c.terms {
			str(t)
		}
		u32(uint32(len(c.ords)))
		for _, v := range c.start {
			u32(v)
		}
		for _, v := range c.ords {
			u32(v)
		}
	}
	u32(crc32.ChecksumIEEE(b.Bytes()))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("index: facet column file: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("index: facet column file: %w", err)
	}
	_, err = f.Write(b.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("index: facet column file: %w", err)
	}
	return nil
}

// errColFile: a column file that does not hold the columns asked for.
var errColFile = errors.New("index: facet column file does not match its segment")

// readColumns reads the columns of fields of a segment of n documents from
// path.
func readColumns(path string, n uint64, fields []string) ([]*column, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < len(colMagic)+4 || !bytes.HasPrefix(data, colMagic) {
		return nil, errColFile
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, errColFile
	}
	r := colReader{b: body[len(colMagic):]}
	if r.u64() != n || r.u32() != uint32(len(fields)) {
		return nil, errColFile
	}
	out := make([]*column, len(fields))
	for i, f := range fields {
		if r.str() != f {
			return nil, errColFile
		}
		nt := r.u32()
		c := &column{terms: make([]string, 0, min(nt, uint32(len(r.b))))}
		for range nt {
			c.terms = append(c.terms, r.str())
		}
		no := r.u32()
		c.start = r.u32s(n + 1)
		c.ords = r.u32s(uint64(no))
		if r.bad || len(c.start) != int(n+1) || c.start[n] != no {
			return nil, errColFile
		}
		for d := range n {
			if c.start[d] > c.start[d+1] {
				return nil, errColFile
			}
		}
		for _, o := range c.ords {
			if o >= nt {
				return nil, errColFile
			}
		}
		out[i] = c
	}
	if r.bad || len(r.b) != 0 {
		return nil, errColFile
	}
	return out, nil
}

// colReader decodes a column file; a read past the end sets bad.
type colReader struct {
	b   []byte
	bad bool
}

func (r *colReader) take(k uint64) []byte {
	if r.bad || uint64(len(r.b)) < k {
		r.bad = true
		return nil
	}
	out := r.b[:k]
	r.b = r.b[k:]
	return out
}

func (r *colReader) u32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *colReader) u64() uint64 {
	if b := r.take(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (r *colReader) str() string { return string(r.take(uint64(r.u32()))) }

func (r *colReader) u32s(k uint64) []uint32 {
	b := r.take(4 * k)
	if b == nil {
		return nil // bad is set: the caller drops the file
	}
	out := make([]uint32, k)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

// removeStaleColumns deletes the column files of segments not in live.
func removeStaleColumns(dir string, live []uint64) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("index: facet column files: %w", err)
	}
	var errs []error
	for _, e := range entries {
		id, err := strconv.ParseUint(strings.TrimSuffix(e.Name(), ".cols"), 16, 64)
		if err == nil && strings.HasSuffix(e.Name(), ".cols") && slices.Contains(live, id) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("index: facet column files: %w", err)
	}
	return nil
}
