package homeward

// Page sizes used when a request leaves Limit at zero or asks for too much.
const (
	DefaultPageLimit = 50
	MaxPageLimit     = 1000
)

// PageRequest asks for one page of a list. The zero value asks for the first
// page of [DefaultPageLimit] items.
type PageRequest struct {
	// Limit is the most items to return; 0 means DefaultPageLimit, and
	// larger values than MaxPageLimit are reduced to it.
	Limit int `json:"limit,omitempty"`
	// Cursor continues a list after the page that returned it as
	// Page.Next. It is opaque and only valid with the same filter.
	Cursor string `json:"cursor,omitempty"`
}

// EffectiveLimit returns the limit the request stands for.
func (p PageRequest) EffectiveLimit() int {
	switch {
	case p.Limit <= 0:
		return DefaultPageLimit
	case p.Limit > MaxPageLimit:
		return MaxPageLimit
	}
	return p.Limit
}

// Page is one page of a list, in the list's documented order.
type Page[T any] struct {
	Items []T `json:"items"`
	// Next is the cursor of the following page, empty on the last page.
	Next string `json:"next,omitempty"`
}
