package transition_test

import (
	"fmt"

	"github.com/homewardkit/homeward/transition"
)

func ExampleStandard() {
	c := transition.Standard()
	fmt.Println(c.ID, "version", c.Version)
	for _, a := range c.Areas {
		critical := 0
		for _, it := range a.Items {
			if it.Critical {
				critical++
			}
		}
		fmt.Printf("%-14s %d items, %d critical\n", a.ID, len(a.Items), critical)
	}
	// Output:
	// transition-readiness version 1
	// local_partner  6 items, 2 critical
	// care_team      4 items, 1 critical
	// tailoring      8 items, 1 critical
	// government     5 items, 0 critical
	// network        3 items, 0 critical
}
