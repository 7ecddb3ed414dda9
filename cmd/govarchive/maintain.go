package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"govarchive/internal/app"
	"govarchive/internal/gen"
)

func reindexCmd(g *globals) *cobra.Command {
	var from []string
	cmd := &cobra.Command{
		Use:   "reindex [--from PATH...]",
		Short: "Rebuild the index (new dictionary or analysis) into a new directory and swap it in atomically",
		Long: "Rebuild the index from the stored documents, parsing them again and harvesting a user\n" +
			"dictionary of person and department names from the archive. With --from, rebuild from\n" +
			"source files instead: the recovery for a lost or damaged index.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := app.Reindex(cmd.Context(), g.config(), from)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(g.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(res)
		},
	}
	cmd.Flags().StringSliceVar(&from, "from", nil, "rebuild from these files and folders instead of the stored documents")
	return cmd
}

func backupCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "backup OUT_DIR",
		Short: "Copy the data directory consistently (for a stopped service; a running one serves POST /api/backup)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := app.Open(cmd.Context(), g.config())
			if err != nil {
				return err
			}
			defer a.Close()
			if err := a.Backup(cmd.Context(), args[0]); err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "backup written to %s; serve it with --data %s\n", args[0], args[0])
			return nil
		},
	}
}

func genCmd(g *globals) *cobra.Command {
	var opts gen.Options
	cmd := &cobra.Command{
		Use:   "gen --count N --seed S OUT_DIR",
		Short: "Write a deterministic synthetic corpus of minutes, news and official documents",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, bytes, err := gen.WriteDir(cmd.Context(), args[0], opts)
			if err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "%d documents, %.1f MB in %s\n", files, float64(bytes)/1e6, args[0])
			return nil
		},
	}
	cmd.Flags().IntVar(&opts.Count, "count", 1000, "number of documents")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 1, "random seed; the same seed writes the same corpus")
	return cmd
}
