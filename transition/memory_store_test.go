package transition_test

import (
	"testing"

	"github.com/homewardkit/homeward/transition"
	"github.com/homewardkit/homeward/transition/transitiontest"
)

func TestMemoryStore(t *testing.T) {
	transitiontest.TestStore(t, func(*testing.T) transition.Store { return transition.NewMemoryStore() })
}
