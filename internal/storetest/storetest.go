package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/homewardkit/homeward"
)

// Race runs fn(0) … fn(n-1) at the same time and requires that exactly one
// returns nil and every other homeward.ErrConflict, as when n writers update
// the same version of a record or create the same id. It returns the index
// of the one that succeeded.
func Race(t testing.TB, n int, fn func(i int) error) int {
	t.Helper()
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = fn(i) })
	}
	wg.Wait()
	winner := -1
	for i, err := range errs {
		switch {
		case err == nil && winner >= 0:
			t.Fatalf("writers %d and %d both succeeded: exactly one may", winner, i)
		case err == nil:
			winner = i
		case !errors.Is(err, homeward.ErrConflict):
			t.Fatalf("writer %d: want success or homeward.ErrConflict, got %v", i, err)
		}
	}
	if winner < 0 {
		t.Fatalf("none of %d writers succeeded: exactly one must", n)
	}
	return winner
}

// Retry runs n writers at the same time, each calling attempt (typically:
// read the record, then update it) until it returns nil, again after
// homeward.ErrConflict, at most 1000 times; any other error fails the test.
func Retry(t testing.TB, n int, attempt func() error) {
	t.Helper()
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			for range 1000 {
				err := attempt()
				if err == nil || !errors.Is(err, homeward.ErrConflict) {
					errs[i] = err
					return
				}
			}
			errs[i] = fmt.Errorf("no update landed after 1000 attempts")
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("writer %d: %v", i, err)
		}
	}
}
