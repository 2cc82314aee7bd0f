package cohort

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/homewardkit/homeward"
)

// NetworkID identifies a learning network.
type NetworkID string

// NetworkMember is a practitioner or an organisation in a learning network:
// a family supporter, a child coach, a link worker, a trainer, a volunteer,
// a parent-involvement worker at a school (seed 002). Person names the
// practitioner when the network keeps names (members of staff and
// volunteers, never children or families); an organisation may take part
// with several people and roles.
type NetworkMember struct {
	Org    homeward.OrgID `json:"org"`
	Person string         `json:"person,omitempty"`
	Role   NetworkRole    `json:"role"`
	Joined homeward.Date  `json:"joined,omitzero"`
	// Left is the day the member left the network; zero while it takes
	// part.
	Left homeward.Date `json:"left,omitzero"`
}

// Participants counts who took part in an event: the number of people and
// the organisations they came from.
type Participants struct {
	Count int              `json:"count"`
	Orgs  []homeward.OrgID `json:"orgs,omitempty"`
}

// Event is something a learning network held: a roadshow in a
// neighbourhood with its theme and sub-themes (seed 002: "Bouwen aan
// vertrouwen" in Bospolder-Tussendijken; Positive Behavior Support in
// Crooswijk, with values-driven work and compliments as positive
// reinforcement practised in a role play), a network meeting, a case
// discussion or a training.
type Event struct {
	// ID identifies the event within its network; the service assigns one
	// when it is empty.
	ID        string        `json:"id"`
	Kind      EventKind     `json:"kind"`
	Date      homeward.Date `json:"date"`
	Place     string        `json:"place,omitempty"`
	Theme     string        `json:"theme,omitempty"`
	SubThemes []string      `json:"sub_themes,omitempty"`
	// Participants counts the people who took part and lists their
	// organisations.
	Participants Participants `json:"participants"`
	// Notes say what happened, in the network's words.
	Notes string `json:"notes,omitempty"`
}

// Network is a learning network (seeds 002 and 003): practitioners and
// organisations of a region or of neighbourhoods who learn from each other
// with a process facilitator and a lead organisation, within a scope the
// network chooses itself, on themes, through events such as roadshows;
// each organisation commits to learning actions ([LearningAction]) and the
// network draws its conclusions.
type Network struct {
	ID   NetworkID   `json:"id"`
	Kind NetworkKind `json:"kind"`
	Name string      `json:"name"`
	// Region is the region of a regional network, or the city or area of
	// a neighbourhood network.
	Region string `json:"region,omitempty"`
	// Neighbourhoods are the neighbourhoods a neighbourhood network works
	// in (seed 002: Hillesluis, Crooswijk, Bospolder-Tussendijken).
	Neighbourhoods []string `json:"neighbourhoods,omitempty"`
	// Programme is the learning programme the network belongs to, if any.
	Programme ProgrammeID `json:"programme,omitempty"`
	// Facilitator is the process facilitator: a person and the
	// organisation that supports the learning process (seed 003: iDROPS).
	Facilitator Facilitator `json:"facilitator"`
	// Lead is the lead organisation (the "trekker" of the region).
	Lead homeward.OrgID `json:"lead"`
	// Scope is the network's own statement of what it works on, chosen by
	// the network within the call and the possibilities of each partner.
	Scope       string          `json:"scope,omitempty"`
	Themes      []string        `json:"themes,omitempty"`
	Members     []NetworkMember `json:"members,omitempty"`
	Events      []Event         `json:"events,omitempty"`
	Conclusions []string        `json:"conclusions,omitempty"`
	Version     int64           `json:"version,omitempty"`
	CreatedAt   time.Time       `json:"created_at,omitzero"`
	UpdatedAt   time.Time       `json:"updated_at,omitzero"`
}

// Clone returns a deep copy of n.
func (n Network) Clone() Network {
	n.Neighbourhoods = slices.Clone(n.Neighbourhoods)
	n.Themes = slices.Clone(n.Themes)
	n.Members = slices.Clone(n.Members)
	n.Conclusions = slices.Clone(n.Conclusions)
	if n.Events != nil {
		evs := make([]Event, len(n.Events))
		for i, e := range n.Events {
			e.SubThemes = slices.Clone(e.SubThemes)
			e.Participants.Orgs = slices.Clone(e.Participants.Orgs)
			evs[i] = e
		}
		n.Events = evs
	}
	return n
}

// Validate checks the network.
func (n *Network) Validate() error {
	var v homeward.ValidationError
	if !n.Kind.Valid() {
		v.Add("kind", "must be region or neighbourhood")
	}
	if blank(n.Name) {
		v.Add("name", "is required")
	}
	if n.Kind == NetworkRegion && blank(n.Region) {
		v.Add("region", "a regional network needs its region")
	}
	if n.Kind == NetworkNeighbourhood && len(n.Neighbourhoods) == 0 {
		v.Add("neighbourhoods", "a neighbourhood network needs at least one neighbourhood")
	}
	nonEmpty(&v, "neighbourhoods", n.Neighbourhoods, true)
	nonEmpty(&v, "themes", n.Themes, true)
	nonEmpty(&v, "conclusions", n.Conclusions, false)
	if n.Lead == "" {
		v.Add("lead", "the lead organisation is required")
	}
	if n.Facilitator != (Facilitator{}) {
		if blank(n.Facilitator.Name) {
			v.Add("facilitator.name", "is required")
		}
		if n.Facilitator.Org == "" {
			v.Add("facilitator.org", "is required")
		}
	}
	type who struct {
		org    homeward.OrgID
		person string
		role   NetworkRole
	}
	seen := map[who]bool{}
	for i, m := range n.Members {
		p := fmt.Sprintf("members[%d]", i)
		if m.Org == "" {
			v.Add(p+".org", "is required")
		}
		if !m.Role.Valid() {
			v.Add(p+".role", "must be one of %s", joinValues(networkRoleValues))
		}
		k := who{m.Org, strings.TrimSpace(m.Person), m.Role}
		if seen[k] {
			v.Add(p, "the same member with the same role is listed twice")
		}
		seen[k] = true
		if !m.Left.IsZero() && !m.Joined.IsZero() && m.Left.Before(m.Joined) {
			v.Add(p+".left", "is before the day the member joined")
		}
	}
	ids := map[string]bool{}
	for i, e := range n.Events {
		p := fmt.Sprintf("events[%d]", i)
		e.validate(&v, p)
		if e.ID != "" && ids[e.ID] {
			v.Add(p+".id", "event %q is listed twice", e.ID)
		}
		ids[e.ID] = true
	}
	return v.Err()
}

func (e *Event) validate(v *homeward.ValidationError, p string) {
	if e.ID == "" {
		v.Add(p+".id", "is required")
	}
	if !e.Kind.Valid() {
		v.Add(p+".kind", "must be one of %s", joinValues(eventKindValues))
	}
	if e.Date.IsZero() {
		v.Add(p+".date", "is required")
	}
	if e.Kind == EventRoadshow && blank(e.Theme) {
		v.Add(p+".theme", "a roadshow has a theme")
	}
	nonEmpty(v, p+".sub_themes", e.SubThemes, true)
	if e.Participants.Count < 0 {
		v.Add(p+".participants.count", "must not be negative")
	}
	if len(e.Participants.Orgs) > e.Participants.Count {
		v.Add(p+".participants.orgs", "%d organisations for %d participants: each organisation sends at least one person",
			len(e.Participants.Orgs), e.Participants.Count)
	}
	seen := map[homeward.OrgID]bool{}
	for j, o := range e.Participants.Orgs {
		q := fmt.Sprintf("%s.participants.orgs[%d]", p, j)
		if o == "" {
			v.Add(q, "is empty")
		} else if seen[o] {
			v.Add(q, "organisation %s is listed twice", o)
		}
		seen[o] = true
	}
}

// Event returns the network's event with the given id.
func (n *Network) Event(id string) (Event, bool) {
	i := slices.IndexFunc(n.Events, func(e Event) bool { return e.ID == id })
	if i < 0 {
		return Event{}, false
	}
	return n.Events[i], true
}

// Orgs returns the organisations of the network, each once: the lead, the
// facilitator's organisation and the member organisations (past members
// too), in that order.
func (n *Network) Orgs() []homeward.OrgID {
	var out []homeward.OrgID
	add := func(o homeward.OrgID) {
		if o != "" && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	add(n.Lead)
	add(n.Facilitator.Org)
	for _, m := range n.Members {
		add(m.Org)
	}
	return out
}

// involves reports whether org leads, facilitates or is a member of n.
func (n *Network) involves(org homeward.OrgID) bool {
	return org != "" && slices.Contains(n.Orgs(), org)
}

// runners returns the organisations that run the network: the lead and
// the process facilitator's organisation.
func (n *Network) runners() []homeward.OrgID {
	return []homeward.OrgID{n.Lead, n.Facilitator.Org}
}

// currentMember reports whether org takes part in the network on day d:
// it leads or facilitates it, or one of its members had joined by d and
// had not left.
func (n *Network) currentMember(org homeward.OrgID, d homeward.Date) bool {
	if org == "" {
		return false
	}
	if org == n.Lead || org == n.Facilitator.Org {
		return true
	}
	for _, m := range n.Members {
		if m.Org == org && (m.Joined.IsZero() || !m.Joined.After(d)) && (m.Left.IsZero() || m.Left.After(d)) {
			return true
		}
	}
	return false
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// nonEmpty adds a problem for every blank entry of list, and with unique
// for every entry listed twice (ignoring case and surrounding spaces).
func nonEmpty(v *homeward.ValidationError, path string, list []string, unique bool) {
	seen := map[string]bool{}
	for i, s := range list {
		k := strings.ToLower(strings.TrimSpace(s))
		switch {
		case k == "":
			v.Add(fmt.Sprintf("%s[%d]", path, i), "is empty")
		case unique && seen[k]:
			v.Add(fmt.Sprintf("%s[%d]", path, i), "is listed twice")
		}
		seen[k] = true
	}
}

// joinValues lists enumeration values for an error message.
func joinValues[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, a := range all {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}
