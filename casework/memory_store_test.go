package casework_test

import (
	"testing"

	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/casework/caseworktest"
)

func TestMemoryStores(t *testing.T) {
	caseworktest.TestStores(t, func(*testing.T) casework.Stores { return casework.NewMemoryStores() })
}
