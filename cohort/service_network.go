package cohort

import (
	"context"
	"fmt"
	"slices"

	"github.com/homewardkit/homeward"
)

// errNoStore is the error of a service method whose store is missing.
func errNoStore(kind string) error {
	return homeward.Invalid("stores", "the service has no %s store", kind)
}

// today returns the current day in UTC.
func (s *Service) today() homeward.Date { return homeward.DateFromTime(s.stamp()) }

// CreateNetwork records a learning network. The actor must be able to write
// for its lead organisation or its process facilitator's organisation.
// Events without an id get one. A network that names a programme needs
// that programme to exist.
func (s *Service) CreateNetwork(ctx context.Context, n Network) (Network, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Network{}, err
	}
	if s.st.Networks == nil {
		return Network{}, errNoStore("network")
	}
	n = n.Clone()
	for i := range n.Events {
		if n.Events[i].ID == "" {
			n.Events[i].ID = s.newID()
		}
	}
	if err := n.Validate(); err != nil {
		return Network{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, n.runners()...) {
		return Network{}, fmt.Errorf("create network: the actor acts neither for the lead nor for the process facilitator: %w", homeward.ErrForbidden)
	}
	if n.Programme != "" {
		if _, err := s.st.Programmes.Get(ctx, n.Programme); err != nil {
			return Network{}, homeward.Invalid("programme", "no programme %q", n.Programme)
		}
	}
	if n.ID == "" {
		n.ID = NetworkID(s.newID())
	}
	now := s.stamp()
	n.CreatedAt, n.UpdatedAt = now, now
	stored, err := s.st.Networks.Create(ctx, n)
	if err != nil {
		return Network{}, err
	}
	return stored, s.emit(ctx, a, "create", "network", n.Lead, string(n.ID), nil, &stored)
}

// Network returns a learning network. Its lead, its process facilitator's
// organisation and its member organisations read it; to anyone else it is
// homeward.ErrNotFound.
func (s *Service) Network(ctx context.Context, id NetworkID) (Network, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Network{}, err
	}
	n, err := s.readNetwork(ctx, a, id)
	if err != nil {
		return Network{}, err
	}
	return n, nil
}

func (s *Service) readNetwork(ctx context.Context, a homeward.Actor, id NetworkID) (Network, error) {
	if s.st.Networks == nil {
		return Network{}, errNoStore("network")
	}
	n, err := s.st.Networks.Get(ctx, id)
	if err != nil {
		return Network{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionRead, n.Orgs()...) {
		return Network{}, fmt.Errorf("network %s: %w", id, homeward.ErrNotFound)
	}
	return n, nil
}

// Networks lists the learning networks that involve f.Org (empty: the
// actor's organisation), by id. The actor must be able to read f.Org.
func (s *Service) Networks(ctx context.Context, f NetworkFilter) (homeward.Page[Network], error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return homeward.Page[Network]{}, err
	}
	if s.st.Networks == nil {
		return homeward.Page[Network]{}, errNoStore("network")
	}
	if f.Org == "" {
		f.Org = a.Org
	}
	if !s.policy.Allow(ctx, a, homeward.ActionRead, f.Org) {
		return homeward.Page[Network]{}, fmt.Errorf("list networks of organisation %s: %w", f.Org, homeward.ErrForbidden)
	}
	return s.st.Networks.List(ctx, f)
}

// changeNetwork reads a network, checks that the actor may write for its
// lead or facilitator and the version, applies fn, validates and stores
// it. Nothing is stored when fn or the validation fails.
func (s *Service) changeNetwork(ctx context.Context, id NetworkID, version int64, what string, fn func(*Network) error) (Network, error) {
	a, err := homeward.RequireActor(ctx)
	if err != nil {
		return Network{}, err
	}
	old, err := s.readNetwork(ctx, a, id)
	if err != nil {
		return Network{}, err
	}
	if !s.actsFor(ctx, a, homeward.ActionWrite, old.runners()...) {
		return Network{}, fmt.Errorf("%s: only the lead and the process facilitator change a network: %w", what, homeward.ErrForbidden)
	}
	if version != old.Version {
		return Network{}, fmt.Errorf("%s: network %s was changed by someone else (version %d, now %d): %w", what, id, version, old.Version, homeward.ErrConflict)
	}
	cur := old.Clone()
	if err := fn(&cur); err != nil {
		return Network{}, err
	}
	if err := cur.Validate(); err != nil {
		return Network{}, err
	}
	cur.UpdatedAt = s.stamp()
	stored, err := s.st.Networks.Update(ctx, cur)
	if err != nil {
		return Network{}, err
	}
	return stored, s.emit(ctx, a, "update", "network", old.Lead, string(id), &old, &stored)
}

// UpdateNetwork replaces a network's fields with those of n (its id,
// version and creation time are kept): the lead and the process
// facilitator's organisation change it. n.Version must be the stored
// version.
func (s *Service) UpdateNetwork(ctx context.Context, n Network) (Network, error) {
	return s.changeNetwork(ctx, n.ID, n.Version, "update network", func(cur *Network) error {
		next := n.Clone()
		next.ID, next.Version, next.CreatedAt = cur.ID, cur.Version, cur.CreatedAt
		for i := range next.Events {
			if next.Events[i].ID == "" {
				next.Events[i].ID = s.newID()
			}
		}
		if next.Programme != "" && next.Programme != cur.Programme {
			if _, err := s.st.Programmes.Get(ctx, next.Programme); err != nil {
				return homeward.Invalid("programme", "no programme %q", next.Programme)
			}
		}
		*cur = next
		return nil
	})
}

// AddNetworkMember adds a member (an organisation, with a person and a
// role) to a network; an empty Joined is today.
func (s *Service) AddNetworkMember(ctx context.Context, id NetworkID, version int64, m NetworkMember) (Network, error) {
	return s.changeNetwork(ctx, id, version, "add network member", func(n *Network) error {
		if m.Joined.IsZero() {
			m.Joined = s.today()
		}
		n.Members = append(n.Members, m)
		return nil
	})
}

// RecordEvent records an event the network held, such as a roadshow; an
// empty id is assigned. It returns the network with the event.
func (s *Service) RecordEvent(ctx context.Context, id NetworkID, version int64, e Event) (Network, error) {
	return s.changeNetwork(ctx, id, version, "record event", func(n *Network) error {
		e.SubThemes = slices.Clone(e.SubThemes)
		e.Participants.Orgs = slices.Clone(e.Participants.Orgs)
		if e.ID == "" {
			e.ID = s.newID()
		}
		n.Events = append(n.Events, e)
		return nil
	})
}

// AddConclusions adds the network's conclusions, in order.
func (s *Service) AddConclusions(ctx context.Context, id NetworkID, version int64, conclusions ...string) (Network, error) {
	return s.changeNetwork(ctx, id, version, "add conclusions", func(n *Network) error {
		if len(conclusions) == 0 {
			return homeward.Invalid("conclusions", "at least one conclusion is required")
		}
		n.Conclusions = append(n.Conclusions, conclusions...)
		return nil
	})
}
