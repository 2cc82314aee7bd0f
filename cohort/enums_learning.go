// Code in this file defines the enumerations of learning networks and case
// discussions.

package cohort

import "github.com/homewardkit/homeward/internal/enum"

// NetworkKind is the reach of a learning network.
type NetworkKind string

// NetworkKind values.
const (
	// NetworkRegion is a regional network, such as the regional learning
	// networks of residential providers (seed 003).
	NetworkRegion NetworkKind = "region"
	// NetworkNeighbourhood is a network of practitioners in one or more
	// neighbourhoods (seed 002).
	NetworkNeighbourhood NetworkKind = "neighbourhood"
)

var networkKindValues = []NetworkKind{NetworkRegion, NetworkNeighbourhood}

// NetworkKindValues returns every network kind in its documented order.
func NetworkKindValues() []NetworkKind { return append([]NetworkKind(nil), networkKindValues...) }

// Valid reports whether v is a defined network kind.
func (v NetworkKind) Valid() bool { return enum.Valid(v, networkKindValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v NetworkKind) MarshalText() ([]byte, error) {
	return enum.Marshal("network kind", v, networkKindValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *NetworkKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal("network kind", v, b, networkKindValues)
}

// EventKind is the kind of a learning network's event.
type EventKind string

// EventKind values.
const (
	// EventRoadshow is a meeting in a neighbourhood on a theme, organised
	// by the network's participants there (seed 002).
	EventRoadshow       EventKind = "roadshow"
	EventMeeting        EventKind = "meeting"         // a meeting of the network
	EventCaseDiscussion EventKind = "case_discussion" // a structured case discussion
	EventTraining       EventKind = "training"
	EventOther          EventKind = "other"
)

var eventKindValues = []EventKind{EventRoadshow, EventMeeting, EventCaseDiscussion, EventTraining, EventOther}

// EventKindValues returns every event kind in its documented order.
func EventKindValues() []EventKind { return append([]EventKind(nil), eventKindValues...) }

// Valid reports whether v is a defined event kind.
func (v EventKind) Valid() bool { return enum.Valid(v, eventKindValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v EventKind) MarshalText() ([]byte, error) {
	return enum.Marshal("event kind", v, eventKindValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *EventKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal("event kind", v, b, eventKindValues)
}

// DiscussionState is the state of a case discussion.
type DiscussionState string

// DiscussionState values.
const (
	// DiscussionOpen is a discussion that takes contributions.
	DiscussionOpen DiscussionState = "open"
	// DiscussionConcluded is a discussion whose presenter has chosen its
	// actions; it takes no more contributions.
	DiscussionConcluded DiscussionState = "concluded"
)

var discussionStateValues = []DiscussionState{DiscussionOpen, DiscussionConcluded}

// DiscussionStateValues returns every discussion state in its documented order.
func DiscussionStateValues() []DiscussionState {
	return append([]DiscussionState(nil), discussionStateValues...)
}

// Valid reports whether v is a defined discussion state.
func (v DiscussionState) Valid() bool { return enum.Valid(v, discussionStateValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v DiscussionState) MarshalText() ([]byte, error) {
	return enum.Marshal("discussion state", v, discussionStateValues)
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *DiscussionState) UnmarshalText(b []byte) error {
	return enum.Unmarshal("discussion state", v, b, discussionStateValues)
}
