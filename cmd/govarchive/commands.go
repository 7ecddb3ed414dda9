package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"govarchive/index"
	"govarchive/internal/app"
	"govarchive/internal/document"
	"govarchive/internal/ingest"
)

func (g *globals) config() app.Config {
	return app.Config{
		DataDir:      g.dataDir,
		MaxFileBytes: g.maxBytes,
		Workers:      g.workers,
		BatchSize:    g.batchSize,
		SynonymsFile: g.synonyms,
		Logger:       g.logger(),
	}
}

func parseCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "parse FILE...",
		Short: "Print the extracted structure of documents as JSON",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := app.NewParsing(nil)
			if err != nil {
				return err
			}
			pipe := &ingest.Pipeline{Parser: p.Parser, MaxBytes: g.maxBytes}
			var docs []*document.Document
			for _, f := range args {
				doc, err := pipe.ParseFile(cmd.Context(), f)
				if err != nil {
					return err
				}
				docs = append(docs, doc)
			}
			enc := json.NewEncoder(g.stdout)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if len(docs) == 1 {
				return enc.Encode(docs[0])
			}
			return enc.Encode(docs)
		},
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func ingestCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Parse and index files and folders (recursively)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			log := g.logger()
			files, err := ingest.Collect(args)
			if err != nil {
				return err
			}
			a, err := app.Open(ctx, g.config())
			if err != nil {
				return err
			}
			defer a.Close()

			progress := logProgress(log, len(files))
			if isTerminal(g.stderr) {
				bar := progressbar.NewOptions(len(files),
					progressbar.OptionSetWriter(g.stderr),
					progressbar.OptionSetDescription("ingest"),
					progressbar.OptionShowCount(),
					progressbar.OptionShowIts(),
					progressbar.OptionSetItsString("docs"),
					progressbar.OptionSetPredictTime(true),
					progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionClearOnFinish(),
				)
				progress = func(string, index.PutStatus, error) { _ = bar.Add(1) }
			}
			report := func(sum ingest.Summary) error {
				if !asJSON {
					printSummary(g.stdout, sum)
					return nil
				}
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(sum)
			}
			start := time.Now()
			sum, err := a.Pipeline.Run(ctx, files, progress)
			if err != nil && ctx.Err() != nil {
				// Interrupted: what was indexed stays, and a second run
				// parses only the rest.
				if err := report(sum); err != nil {
					return err
				}
				return fmt.Errorf("ingest interrupted after %d of %d files; run it again to index the rest: %w", sum.Total(), len(files), err)
			}
			if err != nil {
				return err
			}
			// A bulk load ends with its merges done and superseded
			// segment files gone, not left to the next process.
			if err := a.Index.Settle(ctx); err != nil {
				return err
			}
			log.Info("ingest finished", "files", len(files), "added", sum.Added, "updated", sum.Updated,
				"unchanged", sum.Unchanged, "copies", sum.Copies, "failed", sum.Failed, "seconds", time.Since(start).Seconds())
			if err := report(sum); err != nil {
				return err
			}
			if sum.Failed > 0 {
				return errReported
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	return cmd
}

// logProgress reports progress as periodic log lines, for logs and pipes.
func logProgress(log interface{ Info(string, ...any) }, total int) ingest.Progress {
	done, last := 0, time.Now()
	start := last
	return func(path string, _ index.PutStatus, err error) {
		done++
		if err != nil {
			log.Info("file failed", "path", path, "error", err.Error())
		}
		if time.Since(last) >= 2*time.Second || done == total {
			last = time.Now()
			rate := float64(done) / time.Since(start).Seconds()
			log.Info("ingest progress", "done", done, "total", total, "docs_per_s", fmt.Sprintf("%.1f", rate))
		}
	}
}

func printSummary(w io.Writer, s ingest.Summary) {
	copies := ""
	switch {
	case s.Copies == 1:
		copies = "; 1 copy of an indexed document (another format or capture) not indexed again"
	case s.Copies > 1:
		copies = fmt.Sprintf("; %d copies of indexed documents (another format or capture) not indexed again", s.Copies)
	}
	fmt.Fprintf(w, "added %d, updated %d, unchanged %d, failed %d%s\n", s.Added, s.Updated, s.Unchanged, s.Failed, copies)
	for _, f := range s.Failures {
		fmt.Fprintf(w, "failed: %s: %s\n", f.Path, f.Err)
	}
}

func searchCmd(g *globals) *cobra.Command {
	var (
		asJSON                            bool
		dept, person, kind, issuer, sortO string
		from, to                          string
		year, page, size                  int
	)
	cmd := &cobra.Command{
		Use:   "search [flags] QUERY",
		Short: "Search the index and print ranked hits with snippets",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := index.Query{Department: dept, Person: person, Kind: kind, Issuer: issuer,
				Year: year, Sort: sortO, Page: page, Size: size}
			if len(args) == 1 {
				q.Text = args[0]
			}
			var err error
			if q.From, err = parseDay("from", from); err != nil {
				return err
			}
			if q.To, err = parseDay("to", to); err != nil {
				return err
			}
			a, err := app.Open(cmd.Context(), g.config())
			if err != nil {
				return err
			}
			defer a.Close()
			res, err := a.Index.Search(cmd.Context(), q)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			printHits(g.stdout, res, isTerminal(g.stdout))
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print the result as JSON (the API's shape)")
	f.StringVar(&dept, "department", "", "only documents naming this department (any form)")
	f.StringVar(&person, "person", "", "only documents naming this person")
	f.StringVar(&kind, "kind", "", "minutes, news, official or other")
	f.StringVar(&issuer, "issuer", "", "only documents of this issuer")
	f.IntVar(&year, "year", 0, "only documents of this year")
	f.StringVar(&from, "from", "", "earliest date, YYYY-MM-DD")
	f.StringVar(&to, "to", "", "latest date, YYYY-MM-DD")
	f.StringVar(&sortO, "sort", "", "relevance, date_desc or date_asc")
	f.IntVar(&page, "page", 1, "result page")
	f.IntVar(&size, "size", 10, "hits per page")
	return cmd
}

func parseDay(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, fmt.Errorf("--%s: want YYYY-MM-DD, got %q", name, v)
	}
	return t, nil
}

var markRE = regexp.MustCompile(`</?mark>`)

// terminalSnippet turns an HTML snippet into terminal text: bold matches on
// a terminal, 【】 around them otherwise.
func terminalSnippet(s string, tty bool) string {
	open, closeM := "【", "】"
	if tty {
		open, closeM = "\x1b[1m", "\x1b[0m"
	}
	s = markRE.ReplaceAllStringFunc(s, func(m string) string {
		if m == "<mark>" {
			return open
		}
		return closeM
	})
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

func printHits(w io.Writer, res *index.Result, tty bool) {
	fmt.Fprintf(w, "%d documents (%.1f ms)\n", res.Total, res.TookMS)
	if res.Operator == "or" && res.Total > 0 {
		fmt.Fprintln(w, "No document has every word; these have some of them.")
	}
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%d. %s  [%s] %s %s\n   id %s  %s  score %.3f\n", i+1, h.Title, h.Kind, h.Date, h.DocNumber, h.ID, h.Source, h.Score)
		for _, t := range h.Topics {
			fmt.Fprintf(w, "   议题%d %s: %s\n", t.No, t.Title, terminalSnippet(t.Snippet, tty))
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   … %s …\n", terminalSnippet(s, tty))
		}
	}
}

func deleteCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID...",
		Short: "Remove documents from the index",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := app.Open(cmd.Context(), g.config())
			if err != nil {
				return err
			}
			defer a.Close()
			for _, id := range args {
				if err := a.Index.Delete(cmd.Context(), id); err != nil {
					return fmt.Errorf("delete %s: %w", id, err)
				}
				fmt.Fprintln(g.stdout, "deleted", id)
			}
			return nil
		},
	}
}
