package slab_test

import (
	"fmt"

	"github.com/homewardkit/homeward/internal/slab"
)

func Example() {
	var s slab.Slab[string]
	for _, w := range []string{"visit", "review", "closure"} {
		s.Push(w)
	}
	*s.At(1) = "plan review"
	s.Pop()
	for w := range s.All {
		fmt.Println(*w)
	}
	// Output:
	// visit
	// plan review
}
