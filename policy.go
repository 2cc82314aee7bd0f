package homeward

import "context"

// Action is what an actor wants to do with an organisation's records.
type Action string

// Actions checked by a [Policy].
const (
	ActionRead  Action = "read"
	ActionWrite Action = "write"
)

// Policy decides whether an actor may read or write the records of an
// organisation. Services consult it on every call; hosts replace the default
// to grant, for example, a supervising organisation read access to its
// partners.
type Policy interface {
	// Allow reports whether actor may perform action on records owned by org.
	Allow(ctx context.Context, actor Actor, action Action, org OrgID) bool
}

// DefaultPolicy lets an actor read its own organisation's records, and write
// them unless its role is [RoleReadOnly]. It grants nothing across
// organisations.
type DefaultPolicy struct{}

// Allow implements [Policy].
func (DefaultPolicy) Allow(_ context.Context, actor Actor, action Action, org OrgID) bool {
	if actor.Org == "" || actor.Org != org {
		return false
	}
	switch action {
	case ActionRead:
		return actor.Role.Valid()
	case ActionWrite:
		return actor.Role == RoleStaff
	}
	return false
}

// PolicyFunc adapts a function to the [Policy] interface.
type PolicyFunc func(ctx context.Context, actor Actor, action Action, org OrgID) bool

// Allow implements [Policy].
func (f PolicyFunc) Allow(ctx context.Context, actor Actor, action Action, org OrgID) bool {
	return f(ctx, actor, action, org)
}
