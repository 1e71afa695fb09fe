// Package cli holds sitrep's command line: flags, subcommands and output
// formatting. It wires stages through the pipeline and reads the store; it
// holds no stage logic of its own.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// Exit codes. Partial failure is distinct from a failed run so that scripts
// can tell "some inputs were bad" from "nothing happened".
const (
	ExitOK      = 0
	ExitError   = 1
	ExitUsage   = 2
	ExitPartial = 3
)

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dbPath         string
	verbose        bool
	stopProfile    func()
}

// Main runs the command line and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.code != ExitPartial {
			fmt.Fprintln(stderr, "sitrep:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "sitrep:", err)
	return ExitError
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "sitrep",
		Short: "Turn a pile of news articles into a situation report",
		Long: `sitrep ingests news in any common form (scraped text, HTML, JSON Lines,
WARC, RSS/Atom; folders and .gz included), cleans it, and keeps every
article with its metadata and raw input in an embedded store.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, _ []string) {
			level := slog.LevelWarn
			if a.verbose {
				level = slog.LevelDebug
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level})))
			if path := os.Getenv("SITREP_CPUPROFILE"); path != "" {
				// For finding where a slow run spends its time; no flag, as
				// it is for developers.
				if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
					a.stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
				}
			}
		},
		PersistentPostRun: func(*cobra.Command, []string) {
			if a.stopProfile != nil {
				a.stopProfile()
			}
		},
	}
	def := os.Getenv("SITREP_DB")
	if def == "" {
		def = "sitrep.db"
	}
	root.PersistentFlags().StringVar(&a.dbPath, "db", def, "store location (env SITREP_DB)")
	root.PersistentFlags().BoolVarP(&a.verbose, "verbose", "v", false, "log debug details to stderr")
	root.AddCommand(
		a.ingestCmd(), a.lsCmd(), a.showCmd(), a.searchCmd(), a.exportCmd(),
		a.statsCmd(), a.reprocessCmd(), a.dupsCmd(), a.evalCmd(), a.benchCmd(), a.genCmd(),
		a.analyzeCmd(), a.entitiesCmd(), a.entityCmd(), a.aliasCmd(),
		a.storiesCmd(), a.storyCmd(),
	)
	return root
}

// openStore opens the configured store.
func (a *app) openStore() (store.Store, error) {
	db, err := sqlite.Open(a.dbPath)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", a.dbPath, err)
	}
	return db, nil
}

// storeRun wraps a command body that needs the store: it opens the store
// named by --db, and closes it when the body returns.
func (a *app) storeRun(fn func(cmd *cobra.Command, args []string, st store.Store) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		st, err := a.openStore()
		if err != nil {
			return err
		}
		defer st.Close()
		return fn(cmd, args, st)
	}
}
