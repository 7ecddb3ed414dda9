package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// Backup writes a consistent copy of the index into dir (which must not
// exist yet) while the index keeps serving reads and writes: scorch copies
// one snapshot, so a write that lands meanwhile is in the copy whole or not
// at all.
func (ix *Index) Backup(ctx context.Context, dir string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c, ok := ix.bi.(bleve.IndexCopyable)
	if !ok {
		return fmt.Errorf("backup: index type does not support online copy")
	}
	if err := c.CopyTo(bleve.FileSystemDirectory(dir)); err != nil {
		return fmt.Errorf("backup to %s: %w", dir, err)
	}
	return nil
}
