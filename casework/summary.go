package casework

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/enum"
	"github.com/homewardkit/homeward/internal/i18n"
)

// A de-identified summary shares a case for peer learning in a cohort or for
// research without the child's identity. It keeps what others can learn
// from (age band, sex, the care history as types and durations, risk,
// assessment scores, plan domains and statuses, a narrative) and drops every
// direct identifier: names, the exact birth date, the address, phone and ID
// numbers, and every calendar date (the summary counts days and months from
// registration or from the first assessment instead).
//
// The narrative is made of the case notes that are not confidential. In
// their texts the names of the child, of every household member and of the
// people who gave consent are replaced by role words ("the child", "the
// grandmother", "the aunt (2)"), and addresses, phone numbers, ID numbers,
// dates and long numbers by placeholders ("[address]", "[phone]",
// "[id number]", "[date]", "[number]"). Names are recognised as whole words
// in any case and with or without accents ("AMINA", "Amína" and "Amina's"
// all name Amina); a name written inside another word, or the name of
// someone the record does not hold, cannot be recognised, so notes meant for
// sharing should not name other people.

// AgeBand is the age group of a child in a de-identified summary.
type AgeBand string

// AgeBand values: the bands of early childhood, school age and adolescence.
const (
	AgeBand0To2   AgeBand = "0-2"
	AgeBand3To5   AgeBand = "3-5"
	AgeBand6To11  AgeBand = "6-11"
	AgeBand12To14 AgeBand = "12-14"
	AgeBand15To17 AgeBand = "15-17"
	AgeBand18Plus AgeBand = "18+" // adults, for cases kept open after the 18th birthday
)

var ageBandValues = []AgeBand{AgeBand0To2, AgeBand3To5, AgeBand6To11, AgeBand12To14, AgeBand15To17, AgeBand18Plus}

// AgeBandValues returns every age band in its documented order.
func AgeBandValues() []AgeBand { return append([]AgeBand(nil), ageBandValues...) }

// Valid reports whether v is a defined age band.
func (v AgeBand) Valid() bool { return enum.Valid(v, ageBandValues) }

// MarshalText implements [encoding.TextMarshaler]; it rejects unknown values.
func (v AgeBand) MarshalText() ([]byte, error) { return enum.Marshal("age band", v, ageBandValues) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects unknown values.
func (v *AgeBand) UnmarshalText(b []byte) error {
	return enum.Unmarshal("age band", v, b, ageBandValues)
}

// AgeBandOf returns the band of an age in whole years; a negative age has
// no band ("").
func AgeBandOf(years int) AgeBand {
	switch {
	case years < 0:
		return ""
	case years <= 2:
		return AgeBand0To2
	case years <= 5:
		return AgeBand3To5
	case years <= 11:
		return AgeBand6To11
	case years <= 14:
		return AgeBand12To14
	case years <= 17:
		return AgeBand15To17
	}
	return AgeBand18Plus
}

// Summary is a de-identified summary of a case. It holds no name, no
// calendar date, no address, phone or ID number, and no record id: days and
// months are counted from the case's registration (or, for assessments,
// from the first assessment), and Reference is a label the caller chooses.
type Summary struct {
	// Reference is the caller's label for the summary (for example
	// "case-A"), never the case id; empty when none was given.
	Reference string `json:"reference,omitempty"`
	// AgeBand is the child's age on the day of the summary.
	AgeBand      AgeBand      `json:"age_band"`
	Sex          Sex          `json:"sex"`
	Languages    []string     `json:"languages,omitempty"`
	Disabilities []Disability `json:"disabilities,omitempty"`
	// Status is the case's step of case management, as recorded.
	Status        Status        `json:"status"`
	ClosureReason ClosureReason `json:"closure_reason,omitempty"`
	// Reopenings counts the times the case was reopened.
	Reopenings int `json:"reopenings,omitempty"`
	// DaysSinceRegistration counts the days from registration to the day of
	// the summary.
	DaysSinceRegistration int `json:"days_since_registration"`
	// Risk is the risk level on the day of the summary.
	Risk Risk `json:"risk"`
	// RiskHistory lists the risk levels in order, each from the day
	// (counted from registration) it was set.
	RiskHistory []RiskStep `json:"risk_history,omitempty"`
	// Arrangements is the care history, oldest first, as types and
	// durations; the open arrangement is counted to the day of the summary.
	Arrangements []ArrangementSpan `json:"arrangements,omitempty"`
	// Household lists the household's members by role.
	Household []HouseholdRole `json:"household,omitempty"`
	// ChildStatus lists the Child Status Index domain scores of each
	// assessment of the child, oldest first.
	ChildStatus []CSIScores `json:"child_status,omitempty"`
	// HouseholdVulnerability lists the vulnerability index totals and bands
	// of each assessment of the household, oldest first.
	HouseholdVulnerability []HVIScore `json:"household_vulnerability,omitempty"`
	// Plans lists the family-strengthening plans, oldest first.
	Plans []PlanOutline `json:"plans,omitempty"`
	// Narrative is the text of the notes that are not confidential, oldest
	// first, one paragraph each, with names replaced by role words and
	// identifying numbers, addresses and dates by placeholders.
	Narrative string `json:"narrative,omitempty"`
}

// RiskStep is one risk level of a case's history.
type RiskStep struct {
	Level Risk `json:"level"`
	// Day counts the days from registration to the change (negative when
	// it came before registration).
	Day int `json:"day"`
}

// ArrangementSpan is one care arrangement of a summary, without its dates.
type ArrangementSpan struct {
	Type        ArrangementType `json:"type"`
	FamilyBased bool            `json:"family_based"`
	// Days is the arrangement's duration; for the open arrangement, up to
	// the day of the summary.
	Days int `json:"days"`
	// Current marks the arrangement in force on the day of the summary.
	Current bool `json:"current,omitempty"`
}

// HouseholdRole is a household member as a summary shows it: by role only.
type HouseholdRole struct {
	// Role is the role word the narrative uses for the member, such as
	// "the grandmother" or "the aunt (2)".
	Role         string       `json:"role"`
	Relationship Relationship `json:"relationship"`
	Caregiver    bool         `json:"caregiver,omitempty"`
}

// CSIScores are the Child Status Index domain scores of one assessment.
type CSIScores struct {
	// Month counts whole months from the first assessment (of the child or
	// the household) of the summary.
	Month int `json:"month"`
	// Domains holds the score of each domain (the mean of its two factors,
	// 1 to 4 in halves) in the instrument's order.
	Domains []DomainScore `json:"domains"`
	// Total is the sum of the 12 factor scores (12 to 48).
	Total int `json:"total"`
}

// DomainScore is the score of one Child Status Index domain.
type DomainScore struct {
	Domain CSIDomain `json:"domain"`
	Score  float64   `json:"score"`
}

// HVIScore is the result of one household vulnerability assessment.
type HVIScore struct {
	// Month counts whole months from the first assessment of the summary.
	Month int `json:"month"`
	// Total is the sum of the 8 domain scores (8 to 32).
	Total int  `json:"total"`
	Band  Band `json:"band"`
}

// PlanOutline is a family-strengthening plan without its texts, owners or
// dates.
type PlanOutline struct {
	// Month counts whole months from registration to the plan's start.
	Month  int        `json:"month"`
	Status PlanStatus `json:"status"`
	// Reviews counts the plan's reviews up to the day of the summary.
	Reviews int           `json:"reviews"`
	Goals   []GoalOutline `json:"goals,omitempty"`
}

// GoalOutline is a plan goal by domain and status, with its actions
// counted by status.
type GoalOutline struct {
	Domain  Domain               `json:"domain"`
	Status  GoalStatus           `json:"status"`
	Actions map[ActionStatus]int `json:"actions,omitempty"`
}

// SummaryOptions configure [Summarize].
type SummaryOptions struct {
	// Reference labels the summary (for example "case-A" in a cohort's
	// list of submissions). It must not be the case's or the household's id.
	Reference string
	// Language is the language of the role words, placeholders and
	// narrative headings: English, Dutch or Spanish, whichever is nearest;
	// default English. The notes' own texts stay in the language they were
	// written in.
	Language language.Tag
	// Bands are the household vulnerability bands; zero means DefaultBands.
	Bands Bands
}

// SharesSummary reports whether a de-identified summary may be shared under
// a consent for purpose v: peer learning and research.
func (v ConsentPurpose) SharesSummary() bool {
	return v == ConsentPeerLearning || v == ConsentResearch
}

// CheckSummaryConsent reports whether a de-identified summary of c may be
// shared for purpose on day on: purpose must be peer_learning or research
// (else homeward.ErrInvalid), and the case must hold a consent for it on
// that day (else homeward.ErrForbidden). The error names the purpose and the
// day, never a person.
func CheckSummaryConsent(c *Case, purpose ConsentPurpose, on homeward.Date) error {
	if err := checkPurpose(purpose); err != nil {
		return err
	}
	if on.IsZero() {
		return homeward.Invalid("on", "is required")
	}
	if !c.ConsentOn(purpose, "", on) {
		return fmt.Errorf("case %s has no consent for %s on %s: %w", c.ID, purpose, on, homeward.ErrForbidden)
	}
	return nil
}

func checkPurpose(purpose ConsentPurpose) error {
	if !purpose.SharesSummary() {
		return homeward.Invalid("purpose", "a summary is shared for peer_learning or research, not %q", string(purpose))
	}
	return nil
}

// Summarize returns a de-identified summary of case c on day on, from its
// household h (nil when it has none), its assessments (of the child and of
// the household), plans and notes. Records dated after on are left out,
// and the open care arrangement is counted up to on. Every record is
// validated first and must belong to the case (or its household):
// problems are homeward.ErrInvalid naming each field, never repeating an
// identifying value. Summarize reads nothing and checks no consent; see
// [CheckSummaryConsent] and [Service.Summarize].
func Summarize(c *Case, h *Household, as []Assessment, plans []Plan, notes []Note, on homeward.Date, opts SummaryOptions) (*Summary, error) {
	if c == nil {
		return nil, homeward.Invalid("case", "is required")
	}
	var v homeward.ValidationError
	checkRecords(&v, c, h, as, plans, notes, false)
	if on.IsZero() {
		v.Add("on", "is required")
	} else if !c.RegisteredOn.IsZero() && on.Before(c.RegisteredOn) {
		v.Add("on", "is before the case's registration")
	} else if !c.Child.BirthDate.IsZero() && on.Before(c.Child.BirthDate) {
		v.Add("on", "is before the child's birth")
	}
	if opts.Reference != "" && (opts.Reference == string(c.ID) || (c.Household != "" && opts.Reference == string(c.Household))) {
		v.Add("reference", "must not be a record id: choose a label such as \"case-A\"")
	}
	if _, err := opts.Bands.Band(&Assessment{Kind: KindHouseholdVulnerability}); err != nil {
		v.Merge("", err)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	lang := i18n.Match(opts.Language)
	p := summaryCatalog.Printer(lang)
	reg := c.RegisteredOn

	s := &Summary{
		Reference:             opts.Reference,
		AgeBand:               AgeBandOf(c.Child.BirthDate.YearsUntil(on)),
		Sex:                   c.Child.Sex,
		Disabilities:          slices.Clone(c.Child.Disabilities),
		Status:                c.Status,
		Reopenings:            len(c.Reopenings),
		DaysSinceRegistration: reg.DaysUntil(on),
		Risk:                  c.Risk,
	}
	for _, l := range c.Child.Languages {
		if t, err := language.Parse(l); err == nil {
			// Keep the language, script and region only: extensions and
			// private-use subtags could carry anything.
			b, sc, r := t.Raw()
			if t, err = language.Compose(b, sc, r); err == nil {
				s.Languages = append(s.Languages, t.String())
			}
		}
	}
	if c.Closure != nil {
		s.ClosureReason = c.Closure.Reason
	}
	for _, r := range c.RiskHistory {
		if r.Date.After(on) {
			continue
		}
		s.RiskHistory = append(s.RiskHistory, RiskStep{Level: r.To, Day: reg.DaysUntil(r.Date)})
		s.Risk = r.To
	}
	for _, a := range c.Arrangements {
		if a.Start.After(on) {
			continue
		}
		end, current := a.End, false
		if end.IsZero() || end.After(on) {
			end, current = on, true
		}
		s.Arrangements = append(s.Arrangements, ArrangementSpan{Type: a.Type, FamilyBased: a.Type.FamilyBased(), Days: a.Start.DaysUntil(end), Current: current})
	}

	people := newPeople(c, h, p)
	if h != nil {
		for i, m := range h.Members {
			s.Household = append(s.Household, HouseholdRole{Role: people.roles[i+1], Relationship: m.Relationship, Caregiver: m.Caregiver})
		}
	}

	var dated []Assessment
	for _, a := range as {
		if !a.Date.After(on) {
			dated = append(dated, a)
		}
	}
	slices.SortStableFunc(dated, func(a, b Assessment) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(string(a.ID), string(b.ID))
	})
	for _, a := range dated {
		month := dated[0].Date.MonthsUntil(a.Date)
		switch a.Kind {
		case KindChildStatus:
			scores := a.DomainScores()
			cs := CSIScores{Month: month, Total: a.Total(), Domains: make([]DomainScore, 0, len(CSIDomains))}
			for _, d := range CSIDomains {
				f, _ := scores[d.Domain].Float64()
				cs.Domains = append(cs.Domains, DomainScore{Domain: d.Domain, Score: f})
			}
			s.ChildStatus = append(s.ChildStatus, cs)
		case KindHouseholdVulnerability:
			band, _ := opts.Bands.Band(&a)
			s.HouseholdVulnerability = append(s.HouseholdVulnerability, HVIScore{Month: month, Total: a.Total(), Band: band})
		}
	}

	var started []Plan
	for _, pl := range plans {
		if !pl.Start.After(on) {
			started = append(started, pl)
		}
	}
	slices.SortStableFunc(started, func(a, b Plan) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return strings.Compare(string(a.ID), string(b.ID))
	})
	for _, pl := range started {
		po := PlanOutline{Month: reg.MonthsUntil(pl.Start), Status: pl.Status}
		for _, r := range pl.Reviews {
			if !r.Date.After(on) {
				po.Reviews++
			}
		}
		for _, g := range pl.Goals {
			gl := GoalOutline{Domain: g.Domain, Status: g.Status}
			for _, a := range g.Actions {
				if gl.Actions == nil {
					gl.Actions = map[ActionStatus]int{}
				}
				gl.Actions[a.Status]++
			}
			po.Goals = append(po.Goals, gl)
		}
		s.Plans = append(s.Plans, po)
	}

	var shared []Note
	for _, n := range notes {
		if !n.Confidential && !n.Date.After(on) {
			shared = append(shared, n)
		}
	}
	slices.SortStableFunc(shared, func(a, b Note) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(string(a.ID), string(b.ID))
	})
	if len(shared) > 0 {
		red := newRedactor(c, h, people, p)
		var b strings.Builder
		for i, n := range shared {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(p.Sprintf("%s, month %d", p.Sprintf(interactionLabel(n.Type)), reg.MonthsUntil(n.Date)))
			b.WriteString(": ")
			b.WriteString(red.redact(strings.TrimSpace(n.Text)))
		}
		s.Narrative = b.String()
	}
	return s, nil
}

// Summarize returns the de-identified summary of case id on day on (zero:
// today) for purpose, which must be peer_learning or research (else
// homeward.ErrInvalid). It reads the case, its household, assessments,
// plans and notes under the access policy (a case of another organisation
// is homeward.ErrNotFound) and refuses with homeward.ErrForbidden unless
// the case holds a consent for purpose on that day; the error names the
// purpose and the day, never a person. A zero opts.Bands means the
// service's bands. Summarize changes nothing, so it emits no audit event.
func (s *Service) Summarize(ctx context.Context, id CaseID, purpose ConsentPurpose, on homeward.Date, opts SummaryOptions) (*Summary, error) {
	a, err := s.actor(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkPurpose(purpose); err != nil {
		return nil, err
	}
	if on.IsZero() {
		on = s.today()
	}
	c, err := s.readCase(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if err := CheckSummaryConsent(&c, purpose, on); err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	var h *Household
	if c.Household != "" {
		hh, err := s.Household(ctx, c.Household)
		if err != nil {
			return nil, err
		}
		h = &hh
	}
	as, err := collect(func(page homeward.PageRequest) (homeward.Page[Assessment], error) {
		return s.Assessments(ctx, AssessmentFilter{Org: c.Org, Kind: KindChildStatus, Case: c.ID, Page: page})
	})
	if err != nil {
		return nil, err
	}
	if h != nil {
		hv, err := collect(func(page homeward.PageRequest) (homeward.Page[Assessment], error) {
			return s.Assessments(ctx, AssessmentFilter{Org: c.Org, Kind: KindHouseholdVulnerability, Household: h.ID, Page: page})
		})
		if err != nil {
			return nil, err
		}
		as = append(as, hv...)
	}
	ps, err := collect(func(page homeward.PageRequest) (homeward.Page[Plan], error) {
		return s.Plans(ctx, PlanFilter{Org: c.Org, Case: c.ID, Page: page})
	})
	if err != nil {
		return nil, err
	}
	ns, err := collect(func(page homeward.PageRequest) (homeward.Page[Note], error) {
		return s.Notes(ctx, NoteFilter{Org: c.Org, Case: c.ID, To: on, Page: page})
	})
	if err != nil {
		return nil, err
	}
	if opts.Bands == (Bands{}) {
		opts.Bands = s.bands
	}
	return Summarize(&c, h, as, ps, ns, on, opts)
}

// collect reads every page of a list.
func collect[V any](list func(homeward.PageRequest) (homeward.Page[V], error)) ([]V, error) {
	var out []V
	req := homeward.PageRequest{Limit: homeward.MaxPageLimit}
	for {
		p, err := list(req)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Items...)
		if p.Next == "" {
			return out, nil
		}
		req.Cursor = p.Next
	}
}

// checkRecords validates a case with its household, assessments, plans and
// notes, and that they belong together: the household is the case's, the
// assessments are of the child or of that household, and every record is
// of the case's organisation. Strict adds what an interchange file needs:
// record ids, unique per list, and the review cadence of open plans at the
// case's risk.
func checkRecords(v *homeward.ValidationError, c *Case, h *Household, as []Assessment, plans []Plan, notes []Note, strict bool) {
	if strict && c.ID == "" {
		v.Add("case.id", "is required")
	}
	v.Merge("case", c.Validate())
	if h != nil {
		if strict && h.ID == "" {
			v.Add("household.id", "is required")
		}
		v.Merge("household", h.Validate())
		switch {
		case c.Household == "":
			v.Add("household", "the case names no household: set case.household to the household's id")
		case h.ID != "" && h.ID != c.Household:
			v.Add("household.id", "is %q, but the case names household %q", h.ID, c.Household)
		}
		sameOrg(v, "household.org", c, h.Org)
	} else if strict && c.Household != "" {
		v.Add("case.household", "names household %q, which the file does not hold", c.Household)
	}
	ids := map[string]bool{}
	requireID := func(path, id string) {
		if !strict {
			return
		}
		switch {
		case id == "":
			v.Add(path+".id", "is required")
		case ids[id]:
			v.Add(path+".id", "duplicate id %q", id)
		}
		ids[id] = true
	}
	for i, a := range as {
		p := fmt.Sprintf("assessments[%d]", i)
		requireID(p, string(a.ID))
		v.Merge(p, a.Validate())
		sameOrg(v, p+".org", c, a.Org)
		switch a.Kind {
		case KindChildStatus:
			if c.ID != "" && a.Case != "" && a.Case != c.ID {
				v.Add(p+".case", "is %q, not the case %q", a.Case, c.ID)
			}
		case KindHouseholdVulnerability:
			if a.Household != "" && (h == nil || (h.ID != "" && a.Household != h.ID)) {
				v.Add(p+".household", "is %q, not the case's household", a.Household)
			}
		}
	}
	clear(ids)
	for i, pl := range plans {
		p := fmt.Sprintf("plans[%d]", i)
		requireID(p, string(pl.ID))
		if strict && (pl.Status == PlanDraft || pl.Status == PlanActive) && c.Risk.Valid() {
			// The cadence is a rule for plans still in use, at the case's
			// current risk; a completed plan keeps the dates it had.
			v.Merge(p, pl.ValidateFor(c.Risk))
		} else {
			v.Merge(p, pl.Validate())
		}
		sameOrg(v, p+".org", c, pl.Org)
		if c.ID != "" && pl.Case != "" && pl.Case != c.ID {
			v.Add(p+".case", "is %q, not the case %q", pl.Case, c.ID)
		}
	}
	clear(ids)
	for i, n := range notes {
		p := fmt.Sprintf("notes[%d]", i)
		requireID(p, string(n.ID))
		v.Merge(p, n.Validate())
		sameOrg(v, p+".org", c, n.Org)
		if c.ID != "" && n.Case != "" && n.Case != c.ID {
			v.Add(p+".case", "is %q, not the case %q", n.Case, c.ID)
		}
	}
}

func sameOrg(v *homeward.ValidationError, path string, c *Case, org homeward.OrgID) {
	if org != "" && c.Org != "" && org != c.Org {
		v.Add(path, "is %q, but the case belongs to %q", org, c.Org)
	}
}

// people are the persons a narrative may name: the child (0), the
// household's members (1..n) and the people who gave consent and are not
// members, each with the role word that replaces their name.
type people struct {
	roles   []string
	given   [][]string // folded tokens of the given name, or of the whole name
	family  [][]string // folded tokens of the family name
	folding *wordFolder
}

func newPeople(c *Case, h *Household, p *message.Printer) *people {
	f := newWordFolder()
	ps := &people{folding: f}
	ps.add(p.Sprintf("the child"), c.Child.GivenName, c.Child.FamilyName)
	if h != nil {
		words := make([]string, len(h.Members))
		count := map[string]int{}
		for i, m := range h.Members {
			words[i] = p.Sprintf(roleKey(m.Relationship, m.Sex))
			count[words[i]]++
		}
		seen := map[string]int{}
		for i, m := range h.Members {
			w := words[i]
			if count[w] > 1 {
				seen[w]++
				w = fmt.Sprintf("%s (%d)", w, seen[w])
			}
			ps.add(w, m.GivenName, m.FamilyName)
		}
	}
	for _, cs := range c.Consents {
		toks := f.tokens(cs.GivenBy)
		if len(toks) == 0 || ps.known(toks) {
			continue
		}
		role := p.Sprintf("the person who gave consent")
		if cs.Relationship != "" {
			role = p.Sprintf(roleKey(cs.Relationship, SexUnknown))
			if h != nil {
				var match []int
				for i, m := range h.Members {
					if m.Relationship == cs.Relationship {
						match = append(match, i)
					}
				}
				if len(match) == 1 {
					role = ps.roles[match[0]+1]
				}
			}
		}
		ps.roles = append(ps.roles, role)
		ps.given = append(ps.given, toks)
		ps.family = append(ps.family, nil)
	}
	return ps
}

func (ps *people) add(role, given, family string) {
	ps.roles = append(ps.roles, role)
	ps.given = append(ps.given, ps.folding.tokens(given))
	ps.family = append(ps.family, ps.folding.tokens(family))
}

// known reports whether toks is the given name or the full name of a
// person already listed.
func (ps *people) known(toks []string) bool {
	for i := range ps.roles {
		g, f := ps.given[i], ps.family[i]
		if slices.Equal(toks, g) || (len(f) > 0 && (slices.Equal(toks, concat(g, f)) || slices.Equal(toks, concat(f, g)))) {
			return true
		}
	}
	return false
}

func concat(a, b []string) []string { return append(append([]string(nil), a...), b...) }

// roleKey returns the English role word of a relationship for a person of
// the given sex; it is also the key of its translations.
func roleKey(r Relationship, sex Sex) string {
	pick := func(female, male, other string) string {
		switch sex {
		case SexFemale:
			return female
		case SexMale:
			return male
		}
		return other
	}
	switch r {
	case RelMother:
		return "the mother"
	case RelFather:
		return "the father"
	case RelStepParent:
		return pick("the stepmother", "the stepfather", "the step-parent")
	case RelGrandparent:
		return pick("the grandmother", "the grandfather", "the grandparent")
	case RelAuntUncle:
		return pick("the aunt", "the uncle", "the aunt or uncle")
	case RelSibling:
		return pick("the sister", "the brother", "the sibling")
	case RelCousin:
		return "the cousin"
	case RelOtherRelative:
		return "the relative"
	case RelFosterParent:
		return pick("the foster mother", "the foster father", "the foster parent")
	case RelGuardian:
		return "the guardian"
	case RelFriend:
		return "the family friend"
	}
	return "the household member"
}

func interactionLabel(t InteractionType) string {
	switch t {
	case InteractionHomeVisit:
		return "Home visit"
	case InteractionOfficeVisit:
		return "Office visit"
	case InteractionPhoneRemote:
		return "Phone or remote contact"
	case InteractionThirdParty:
		return "Contact with a third party"
	case InteractionCaseConference:
		return "Case conference"
	case InteractionSupervision:
		return "Supervision"
	}
	return "Other contact"
}

// Placeholders of the narrative, in English; they are also the keys of
// their translations.
const (
	phName       = "[name]"
	phFamilyName = "[family name]"
	phAddress    = "[address]"
	phPhone      = "[phone]"
	phIDNumber   = "[id number]"
	phDate       = "[date]"
	phNumber     = "[number]"
)

var summaryCatalog = i18n.New(summaryMessages)

var summaryMessages = []i18n.Texts{
	{En: "the child", Nl: "het kind", Es: "el menor"},
	{En: "the mother", Nl: "de moeder", Es: "la madre"},
	{En: "the father", Nl: "de vader", Es: "el padre"},
	{En: "the stepmother", Nl: "de stiefmoeder", Es: "la madrastra"},
	{En: "the stepfather", Nl: "de stiefvader", Es: "el padrastro"},
	{En: "the step-parent", Nl: "de stiefouder", Es: "el padrastro o la madrastra"},
	{En: "the grandmother", Nl: "de grootmoeder", Es: "la abuela"},
	{En: "the grandfather", Nl: "de grootvader", Es: "el abuelo"},
	{En: "the grandparent", Nl: "de grootouder", Es: "el abuelo o la abuela"},
	{En: "the aunt", Nl: "de tante", Es: "la tía"},
	{En: "the uncle", Nl: "de oom", Es: "el tío"},
	{En: "the aunt or uncle", Nl: "de tante of oom", Es: "la tía o el tío"},
	{En: "the sister", Nl: "de zus", Es: "la hermana"},
	{En: "the brother", Nl: "de broer", Es: "el hermano"},
	{En: "the sibling", Nl: "de broer of zus", Es: "el hermano o la hermana"},
	{En: "the cousin", Nl: "de neef of nicht", Es: "el primo o la prima"},
	{En: "the relative", Nl: "het familielid", Es: "el familiar"},
	{En: "the foster mother", Nl: "de pleegmoeder", Es: "la madre de acogida"},
	{En: "the foster father", Nl: "de pleegvader", Es: "el padre de acogida"},
	{En: "the foster parent", Nl: "de pleegouder", Es: "el padre o la madre de acogida"},
	{En: "the guardian", Nl: "de voogd", Es: "el tutor"},
	{En: "the family friend", Nl: "de vriend van de familie", Es: "el amigo de la familia"},
	{En: "the household member", Nl: "het lid van het huishouden", Es: "el miembro del hogar"},
	{En: "the person who gave consent", Nl: "de persoon die toestemming gaf", Es: "la persona que dio su consentimiento"},
	{En: phName, Nl: "[naam]", Es: "[nombre]"},
	{En: phFamilyName, Nl: "[achternaam]", Es: "[apellido]"},
	{En: phAddress, Nl: "[adres]", Es: "[dirección]"},
	{En: phPhone, Nl: "[telefoon]", Es: "[teléfono]"},
	{En: phIDNumber, Nl: "[identiteitsnummer]", Es: "[número de identidad]"},
	{En: phDate, Nl: "[datum]", Es: "[fecha]"},
	{En: phNumber, Nl: "[nummer]", Es: "[número]"},
	{En: "%s, month %d", Nl: "%s, maand %d", Es: "%s, mes %d"},
	{En: "Home visit", Nl: "Huisbezoek", Es: "Visita domiciliaria"},
	{En: "Office visit", Nl: "Bezoek op kantoor", Es: "Visita en la oficina"},
	{En: "Phone or remote contact", Nl: "Telefonisch contact of contact op afstand", Es: "Contacto telefónico o a distancia"},
	{En: "Contact with a third party", Nl: "Contact met een derde", Es: "Contacto con terceros"},
	{En: "Case conference", Nl: "Casusoverleg", Es: "Reunión de caso"},
	{En: "Supervision", Nl: "Supervisie", Es: "Supervisión"},
	{En: "Other contact", Nl: "Ander contact", Es: "Otro contacto"},
}

// wordFolder folds text for matching: case-insensitive (Unicode case folding),
// width-insensitive and accent-insensitive (decomposed with compatibility
// decomposition, with the non-spacing marks removed, and
// letters such as ø and ł that Unicode does not decompose mapped to their
// base letters). It caches the folding of each rune; it is not safe for
// concurrent use.
type wordFolder struct {
	cache map[rune]string
	t     transform.Transformer
}

func newWordFolder() *wordFolder {
	return &wordFolder{cache: map[rune]string{}, t: transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), cases.Fold())}
}

// plainLetters maps letters without a Unicode decomposition to the letters
// they are commonly written as without accents.
var plainLetters = map[rune]string{
	'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'æ': "ae", 'œ': "oe",
	'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŀ': "l", 'ƒ': "f",
}

func (f *wordFolder) rune(r rune) string {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return string(r)
	}
	if s, ok := f.cache[r]; ok {
		return s
	}
	f.t.Reset()
	s, _, err := transform.String(f.t, string(r))
	if err != nil {
		s = string(r)
	}
	var b strings.Builder
	for _, x := range s {
		if base, ok := plainLetters[x]; ok {
			b.WriteString(base)
		} else {
			b.WriteRune(x)
		}
	}
	s = b.String()
	f.cache[r] = s
	return s
}

// token is a word of a text: its byte span in the original text and its
// folded form.
type token struct {
	start, end int
	text       string
}

// unspaced reports whether r belongs to a script written without spaces
// between words; each of its letters is a token of its own, so that a name
// is found inside a run of text.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// split returns the words of s: runs of letters, digits and marks, except
// that each letter of an unspaced script (with its marks) is a word.
func (f *wordFolder) split(s string) []token {
	var out []token
	var b strings.Builder
	cur, single := -1, false // the open word (index in out) and whether it is a letter of an unspaced script
	end := func() {
		if cur >= 0 {
			if b.Len() == 0 {
				out = out[:cur]
			} else {
				out[cur].text = b.String()
			}
		}
		cur, single = -1, false
		b.Reset()
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !wordRune(r) {
			end()
			i += n
			continue
		}
		if !unicode.IsMark(r) {
			// A mark belongs to the letter before it; a letter of an
			// unspaced script, and the letter after one, starts a word.
			sp := unspaced(r)
			if cur >= 0 && (sp || single) {
				end()
			}
			if cur < 0 {
				single = sp
			}
		}
		if cur < 0 {
			out = append(out, token{start: i})
			cur = len(out) - 1
		}
		b.WriteString(f.rune(r))
		out[cur].end = i + n
		i += n
	}
	end()
	return out
}

// tokens returns the folded words of s.
func (f *wordFolder) tokens(s string) []string {
	ts := f.split(s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}

// pattern is a sequence of words to replace by label.
type pattern struct {
	words []string
	label string
}

// patterns finds sequences of words in a text; at each word the longest
// sequence that matches wins.
type patterns struct {
	byFirst map[string][]pattern
	// loose lets punctuation separate the words of a match (addresses);
	// otherwise only spaces, dashes, apostrophes and full stops may (names,
	// with initials).
	loose bool
}

func (ps *patterns) add(words []string, label string) {
	if len(words) == 0 {
		return
	}
	if ps.byFirst == nil {
		ps.byFirst = map[string][]pattern{}
	}
	ps.byFirst[words[0]] = append(ps.byFirst[words[0]], pattern{words: words, label: label})
}

func (ps *patterns) sort() {
	for _, list := range ps.byFirst {
		slices.SortStableFunc(list, func(a, b pattern) int { return len(b.words) - len(a.words) })
	}
}

func (ps *patterns) joins(sep string) bool {
	for _, r := range sep {
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || r == '\'' || r == '’' || r == 'ʼ' || r == '.' {
			continue
		}
		if ps.loose && unicode.IsPunct(r) {
			continue
		}
		return false
	}
	return true
}

// find returns the spans of text that match.
func (ps *patterns) find(text string, toks []token, prio int) []span {
	var out []span
	for i := 0; i < len(toks); {
		n := 0
		for _, p := range ps.byFirst[toks[i].text] {
			if ps.match(text, toks[i:], p.words) {
				out = append(out, span{start: toks[i].start, end: toks[i+len(p.words)-1].end, label: p.label, prio: prio})
				n = len(p.words)
				break
			}
		}
		i += max(n, 1)
	}
	return out
}

func (ps *patterns) match(text string, toks []token, words []string) bool {
	if len(toks) < len(words) {
		return false
	}
	for j, w := range words {
		if toks[j].text != w || (j > 0 && !ps.joins(text[toks[j-1].end:toks[j].start])) {
			return false
		}
	}
	return true
}

// span is a part of a text to replace by label; when spans overlap they
// are merged and the label of the highest priority wins.
type span struct {
	start, end int
	label      string
	prio       int
}

// Priorities of the kinds of spans.
const (
	prioName = iota + 1
	prioNumber
	prioDate
	prioPhone
	prioIDNumber
	prioAddress
)

// Dates in numbers (2027-03-01, 01/03/2027, 1-3-27, 01.03.2027) and with
// month names in English, Dutch and Spanish (1 March 2027, March 1, 2027,
// 1 maart 2027, 1 de marzo de 2027, March 2027).
var (
	numericDate = regexp.MustCompile(`\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))\b`)
	monthNames  = `(?:january|januari|jan|february|februari|feb|march|maart|mar|mrt|april|apr|may|mei|june|juni|jun|july|juli|jul|august|augustus|aug|september|sept|sep|october|oktober|oct|okt|november|nov|december|dec|enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre|setiembre|set|octubre|noviembre|diciembre|dic)`
	// wordDate is tried on the text that leads up to each year (a
	// four-digit number), which such a date ends with.
	year     = regexp.MustCompile(`\b\d{4}\b`)
	wordDate = regexp.MustCompile(`(?i)\b(?:\d{1,2}(?:st|nd|rd|th|e)?\.?\s+(?:of\s+|de\s+)?` + monthNames + `\.?,?\s+(?:de\s+|del\s+)?\d{4}|` +
		monthNames + `\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|` +
		monthNames + `\.?\s+(?:of\s+|de\s+|del\s+)?\d{4})$`)
	// longNumber is a run of digits with single separators (spaces, dashes,
	// dots, slashes, brackets) between them.
	longNumber = regexp.MustCompile(`\d(?:[ \x{00A0}\-./()]{0,2}\d)*`)
)

// minNumberDigits is the number of digits from which any number is
// replaced; wordDateReach is how far before its year a date with a month
// name may start.
const (
	minNumberDigits = 6
	wordDateReach   = 64
)

// redactor replaces the identifying parts of note texts.
type redactor struct {
	f         *wordFolder
	names     patterns
	addresses patterns
	id        *regexp.Regexp
	idBounded bool
	phone     *regexp.Regexp
	labels    map[string]string // placeholder → translation
}

func newRedactor(c *Case, h *Household, ps *people, p *message.Printer) *redactor {
	r := &redactor{f: ps.folding, addresses: patterns{loose: true}, labels: map[string]string{}}
	for _, ph := range []string{phName, phFamilyName, phAddress, phPhone, phIDNumber, phDate, phNumber} {
		r.labels[ph] = p.Sprintf(ph)
	}

	// Every form of every name, with the people who carry it.
	type claim struct {
		person int
		family bool
	}
	claims := map[string][]claim{}
	var order []string
	words := map[string][]string{}
	addClaim := func(ws []string, person int, family bool) {
		if len(ws) == 0 {
			return
		}
		k := strings.Join(ws, "\x00")
		if _, ok := claims[k]; !ok {
			order = append(order, k)
			words[k] = ws
		}
		for i, cl := range claims[k] {
			if cl.person == person {
				claims[k][i].family = cl.family && family
				return
			}
		}
		claims[k] = append(claims[k], claim{person, family})
	}
	for i := range ps.roles {
		g, f := ps.given[i], ps.family[i]
		if len(g) > 0 && len(f) > 0 {
			addClaim(concat(g, f), i, false)
			addClaim(concat(f, g), i, false)
		}
		addClaim(g, i, false)
		addClaim(f, i, true)
		for _, w := range g {
			if utf8.RuneCountInString(w) >= 2 {
				addClaim([]string{w}, i, false)
			}
		}
		for _, w := range f {
			if utf8.RuneCountInString(w) >= 2 {
				addClaim([]string{w}, i, true)
			}
		}
	}
	for _, k := range order {
		cls := claims[k]
		// A form that several people carry is replaced by their common
		// role word, else by a placeholder.
		label := ps.roles[cls[0].person]
		for _, cl := range cls[1:] {
			if ps.roles[cl.person] != label {
				label = r.labels[phFamilyName]
				for _, cl := range cls {
					if !cl.family {
						label = r.labels[phName]
					}
				}
				break
			}
		}
		r.names.add(words[k], label)
	}
	r.names.sort()

	if h != nil && strings.TrimSpace(h.Address) != "" {
		r.addresses.add(r.f.tokens(h.Address), r.labels[phAddress])
		for _, part := range strings.FieldsFunc(h.Address, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
			part = strings.TrimSpace(part)
			if utf8.RuneCountInString(part) >= 4 && strings.IndexFunc(part, unicode.IsLetter) >= 0 {
				r.addresses.add(r.f.tokens(part), r.labels[phAddress])
			}
		}
	}
	// The phone and ID numbers as written in the record, word by word, in
	// case the patterns below miss them (a number with letters, a short one).
	if h != nil {
		r.addresses.add(r.f.tokens(h.Phone), r.labels[phPhone])
	}
	r.addresses.add(r.f.tokens(c.Child.IDNumber), r.labels[phIDNumber])
	r.addresses.sort()

	if id := alnum(c.Child.IDNumber); len(id) > 0 {
		r.id = regexp.MustCompile(`(?i)` + joinQuoted(id, `[\s\-./]*`))
		r.idBounded = len(id) < 5
	}
	if h != nil {
		if d := digits(h.Phone); len(d) >= 5 {
			// The last nine digits (the number without a country or trunk
			// prefix); the match is widened to the digits before them.
			r.phone = regexp.MustCompile(joinQuoted(d[max(0, len(d)-9):], `[\s\-./()]*`))
		}
	}
	return r
}

// monthWords are the words of monthNames.
var monthWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(strings.Trim(monthNames, "(?:)"), "|") {
		m[w] = true
	}
	return m
}()

// hasMonthName reports whether s holds a word of monthNames, so that the
// costlier wordDate is only tried where it can match.
func hasMonthName(s string) bool {
	ascii := func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }
	for _, w := range strings.FieldsFunc(s, ascii) {
		if len(w) >= 3 && len(w) <= 10 && monthWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// phonePrefix returns where the phone number that continues at i starts:
// before the digits, brackets and separators that lead up to i, and a "+".
func phonePrefix(text string, i int) int {
	start := i
	for j := i; j > 0; j-- {
		c := text[j-1]
		if '0' <= c && c <= '9' || c == '+' || c == '(' {
			start = j - 1
		} else if !strings.ContainsRune(" -./)", rune(c)) {
			break
		}
	}
	return start
}

func alnum(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, r)
		}
	}
	return out
}

func digits(s string) []rune {
	var out []rune
	for _, r := range s {
		if '0' <= r && r <= '9' {
			out = append(out, r)
		}
	}
	return out
}

func joinQuoted(rs []rune, sep string) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = regexp.QuoteMeta(string(r))
	}
	return strings.Join(parts, sep)
}

// redact returns text with names replaced by role words and identifying
// numbers, addresses and dates by placeholders.
func (r *redactor) redact(text string) string {
	toks := r.f.split(text)
	spans := r.names.find(text, toks, prioName)
	spans = append(spans, r.addresses.find(text, toks, prioAddress)...)
	add := func(re *regexp.Regexp, label string, prio int, keep func(string, int, int) bool) {
		if re == nil {
			return
		}
		for _, m := range re.FindAllStringIndex(text, -1) {
			if keep == nil || keep(text, m[0], m[1]) {
				spans = append(spans, span{start: m[0], end: m[1], label: r.labels[label], prio: prio})
			}
		}
	}
	if strings.ContainsAny(text, "0123456789") {
		add(numericDate, phDate, prioDate, nil)
		for _, y := range year.FindAllStringIndex(text, -1) {
			lo := max(0, y[0]-wordDateReach)
			for lo > 0 && !utf8.RuneStart(text[lo]) {
				lo--
			}
			for lo > 0 {
				r, n := utf8.DecodeLastRuneInString(text[:lo])
				if !wordRune(r) {
					break
				}
				lo -= n
			}
			if !hasMonthName(text[lo:y[0]]) {
				continue
			}
			if m := wordDate.FindStringIndex(text[lo:y[1]]); m != nil {
				spans = append(spans, span{start: lo + m[0], end: y[1], label: r.labels[phDate], prio: prioDate})
			}
		}
		add(longNumber, phNumber, prioNumber, func(s string, i, j int) bool { return len(digits(s[i:j])) >= minNumberDigits })
		n := len(spans)
		add(r.phone, phPhone, prioPhone, nil)
		for i := n; i < len(spans); i++ {
			spans[i].start = phonePrefix(text, spans[i].start)
		}
	}
	var bounded func(string, int, int) bool
	if r.idBounded {
		bounded = func(s string, i, j int) bool {
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[j:])
			return !(i > 0 && wordRune(before)) && !(j < len(s) && wordRune(after))
		}
	}
	add(r.id, phIDNumber, prioIDNumber, bounded)
	if len(spans) == 0 {
		return text
	}

	slices.SortFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	merged := spans[:1]
	for _, s := range spans[1:] {
		last := &merged[len(merged)-1]
		if s.label == last.label && strings.HasPrefix(s.label, "[") && s.start >= last.end && strings.Trim(text[last.end:s.start], " ,;") == "" {
			// "[address], [address]" is one address.
			last.end = s.end
			continue
		}
		if s.start < last.end {
			last.end = max(last.end, s.end)
			if s.prio > last.prio {
				last.label, last.prio = s.label, s.prio
			}
			continue
		}
		merged = append(merged, s)
	}

	var b strings.Builder
	at := 0
	for _, s := range merged {
		b.WriteString(text[at:s.start])
		label := s.label
		if sentenceStart(b.String()) {
			label = capitalise(label)
		}
		b.WriteString(label)
		at = s.end
	}
	b.WriteString(text[at:])
	return b.String()
}

// sentenceStart reports whether text written so far ends where a sentence
// begins: at the start, or after a full stop, an exclamation or question
// mark (also the full-width ones of Chinese and Japanese) or a line break,
// with only spaces, quotes and brackets after it.
func sentenceStart(before string) bool {
	s := strings.TrimRightFunc(before, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '"' || r == '\'' || r == '(' || r == '“' || r == '‘' || r == '«' || r == '¿' || r == '¡'
	})
	if s == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\n\r。！？", last)
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
