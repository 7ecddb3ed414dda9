package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func benchCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "bench [--count N]",
		Short: "Benchmark ingest and queries against bleve's cjk analyzer on a generated corpus",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("bench: not implemented yet")
		},
	}
}
