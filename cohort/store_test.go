package cohort_test

import (
	"testing"

	"github.com/homewardkit/homeward/cohort"
	"github.com/homewardkit/homeward/cohort/cohorttest"
)

func TestMemoryStores(t *testing.T) {
	cohorttest.TestStores(t, func(*testing.T) cohort.Stores { return cohort.NewMemoryStores() })
}
