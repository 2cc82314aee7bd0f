package homeward

import (
	"context"
	"fmt"
)

// OrgID identifies an organisation: the owner of records and the unit of
// access control.
type OrgID string

// ActorID identifies a user or a system acting on records.
type ActorID string

// Role is what an actor may do inside its organisation.
type Role string

// Roles an actor can hold.
const (
	// RoleStaff reads and writes its organisation's records.
	RoleStaff Role = "staff"
	// RoleReadOnly reads its organisation's records and writes nothing.
	RoleReadOnly Role = "read_only"
)

// Valid reports whether r is one of the defined roles.
func (r Role) Valid() bool { return r == RoleStaff || r == RoleReadOnly }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown roles.
func (r Role) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("unknown role %q (want staff or read_only)", string(r))
	}
	return []byte(r), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown roles.
func (r *Role) UnmarshalText(b []byte) error {
	v := Role(b)
	if !v.Valid() {
		return fmt.Errorf("unknown role %q (want staff or read_only)", string(b))
	}
	*r = v
	return nil
}

// Actor is the user or system on whose behalf a service call runs.
type Actor struct {
	ID   ActorID `json:"id"`
	Org  OrgID   `json:"org"`
	Role Role    `json:"role"`
}

// Validate reports a missing id, organisation or role.
func (a Actor) Validate() error {
	var v ValidationError
	if a.ID == "" {
		v.Add("actor.id", "is required")
	}
	if a.Org == "" {
		v.Add("actor.org", "is required")
	}
	if !a.Role.Valid() {
		v.Add("actor.role", "must be staff or read_only")
	}
	return v.Err()
}

type actorKey struct{}

// WithActor returns a context that carries a as the acting user.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor carried by ctx, if any.
func ActorFrom(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(Actor)
	return a, ok
}

// RequireActor returns the valid actor carried by ctx, or an error wrapping
// [ErrForbidden] when there is none or it is incomplete. Services call it
// first in every method.
func RequireActor(ctx context.Context) (Actor, error) {
	a, ok := ActorFrom(ctx)
	if !ok {
		return Actor{}, fmt.Errorf("no actor in context: %w", ErrForbidden)
	}
	if err := a.Validate(); err != nil {
		return Actor{}, fmt.Errorf("%v: %w", err, ErrForbidden)
	}
	return a, nil
}
