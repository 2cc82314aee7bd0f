package sqlstore

import (
	"testing"

	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/casework/caseworktest"
)

func TestCaseworkConformance(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		caseworktest.TestStores(t, func(t *testing.T) casework.Stores {
			return openTest(t, b).Casework()
		})
	})
}
