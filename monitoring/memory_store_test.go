package monitoring_test

import (
	"testing"

	"github.com/homewardkit/homeward/monitoring"
	"github.com/homewardkit/homeward/monitoring/monitoringtest"
)

func TestMemoryVisitStore(t *testing.T) {
	monitoringtest.TestVisitStore(t, func(*testing.T) monitoring.VisitStore { return monitoring.NewMemoryVisitStore() })
}
