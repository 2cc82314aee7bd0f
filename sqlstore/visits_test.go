package sqlstore

import (
	"testing"

	"github.com/homewardkit/homeward/monitoring"
	"github.com/homewardkit/homeward/monitoring/monitoringtest"
)

func TestVisitConformance(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		monitoringtest.TestVisitStore(t, func(t *testing.T) monitoring.VisitStore {
			return openTest(t, b).Visits()
		})
	})
}
