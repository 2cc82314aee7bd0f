package monitoring

import (
	"context"
	"fmt"

	"github.com/homewardkit/homeward"
)

// WorklistFilter asks for the visits due or overdue on a day.
type WorklistFilter struct {
	// Org is the organisation; empty means the actor's.
	Org homeward.OrgID
	// Caseworker narrows the list to one person's visits.
	Caseworker string
	// AsOf is the day; zero means today.
	AsOf homeward.Date
	Page homeward.PageRequest
}

// WorkItem is a visit on a worklist with its state on the worklist's day.
type WorkItem struct {
	Visit  Visit       `json:"visit"`
	Status VisitStatus `json:"status"`
}

// Worklist returns every open visit that is due or overdue on f.AsOf (due
// from DueWindowDays before the due date), for an organisation or one
// caseworker, in due order (then by id), one page at a time. An
// organisation the actor may not read is homeward.ErrForbidden.
func (s *Service) Worklist(ctx context.Context, f WorklistFilter) (homeward.Page[WorkItem], error) {
	org, asOf, err := s.scope(ctx, f.Org, f.AsOf)
	if err != nil {
		return homeward.Page[WorkItem]{}, err
	}
	p, err := s.visits.List(ctx, VisitFilter{Org: org, Caseworker: f.Caseworker, OpenOnly: true,
		DueTo: asOf.AddDays(DueWindowDays), Page: f.Page})
	if err != nil {
		return homeward.Page[WorkItem]{}, err
	}
	out := homeward.Page[WorkItem]{Items: make([]WorkItem, len(p.Items)), Next: p.Next}
	for i, v := range p.Items {
		out.Items[i] = WorkItem{Visit: v, Status: v.StatusOn(asOf, s.grace)}
	}
	return out, nil
}

// Counts returns the number of visits in each state on day asOf (zero:
// today) for an organisation (empty: the actor's) or one caseworker.
func (s *Service) Counts(ctx context.Context, org homeward.OrgID, caseworker string, asOf homeward.Date) (map[VisitStatus]int, error) {
	org, asOf, err := s.scope(ctx, org, asOf)
	if err != nil {
		return nil, err
	}
	out := make(map[VisitStatus]int, len(visitStatusValues))
	for _, st := range visitStatusValues {
		out[st] = 0
	}
	err = s.visits.Scan(ctx, VisitFilter{Org: org, Caseworker: caseworker}, func(v *Visit) error {
		out[v.StatusOn(asOf, s.grace)]++
		return nil
	})
	return out, err
}

// scope resolves the organisation and the day of a read over many visits.
func (s *Service) scope(ctx context.Context, org homeward.OrgID, asOf homeward.Date) (homeward.OrgID, homeward.Date, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return "", homeward.Date{}, err
	}
	if org == "" {
		org = a.Org
	}
	if !s.policy.Allow(ctx, a, homeward.ActionRead, org) {
		return "", homeward.Date{}, fmt.Errorf("visits of organisation %s: %w", org, homeward.ErrForbidden)
	}
	if asOf.IsZero() {
		asOf = s.today()
	}
	return org, asOf, nil
}
