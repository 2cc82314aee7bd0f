package storetest

import (
	"context"
	"testing"

	"github.com/homewardkit/homeward"
)

// ListAll pages through a list from the request in f, passing each page's
// Next as the cursor of the following request, and returns the ids of the
// items in the order listed. page points at f's page request; id reads an
// item's id.
//
// Every page must come without error, with a non-nil Items slice of at most
// the request's effective limit, and only the last page (the one without a
// Next) may be short; paging must end within 1000 pages.
func ListAll[K ~string, V, F any](t testing.TB, list func(context.Context, F) (homeward.Page[V], error), f F, page func(*F) *homeward.PageRequest, id func(*V) K) []string {
	t.Helper()
	var out []string
	for n := 0; ; n++ {
		if n == 1000 {
			t.Fatalf("paging does not end: still a next page after 1000 pages")
		}
		p, err := list(context.Background(), f)
		if err != nil {
			t.Fatalf("page %d: %v", n, err)
		}
		if p.Items == nil {
			t.Fatalf("page %d: Items is nil; a page has a non-nil slice, empty if need be", n)
		}
		limit := page(&f).EffectiveLimit()
		if len(p.Items) > limit {
			t.Fatalf("page %d: %d items, more than the limit of %d", n, len(p.Items), limit)
		}
		if p.Next != "" && len(p.Items) < limit {
			t.Fatalf("page %d: %d items of a limit of %d, but a next page follows: only the last page is short", n, len(p.Items), limit)
		}
		for i := range p.Items {
			out = append(out, string(id(&p.Items[i])))
		}
		if p.Next == "" {
			return out
		}
		page(&f).Cursor = p.Next
	}
}
