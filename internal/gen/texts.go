package gen

import "sync"

// Texts calls fn with the main text of documents 0..n-1 of a seed, the same
// texts Articles gives as Doc.Text, on the given number of goroutines and
// without rendering pages, for benchmarks that need many texts quickly.
// fn is called concurrently and in no particular order; copyOf is the
// index of the original a copy reprints, -1 for originals.
func Texts(seed uint64, n int, opt Options, workers int, fn func(i, copyOf int, text string)) {
	workers = max(1, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// Each goroutine has its own generator: its event cache is not
			// shared, and every document is a pure function of its index.
			g := newGenerator(seed, n, opt)
			for i := w; i < n; i += workers {
				copyOf := -1
				if g.isCopy(i) {
					copyOf = g.originalOf(i)
				}
				var a *article
				if copyOf >= 0 {
					a = g.copyArticle(i, copyOf)
				} else {
					a = g.original(i)
				}
				fn(i, copyOf, a.text())
			}
		})
	}
	wg.Wait()
}
