package sqlstore

import (
	"time"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/cohort"
)

// The nested parts of cohort records are kept as JSON in the shapes below,
// in the manner of the casework parts: plain strings where the records have
// enumerations (the store keeps what it is given; the service validates),
// money as exact decimal text with its currency code, times in UTC at
// microsecond precision, and no omitempty on slices and maps, so that nil
// reads back as nil (JSON null) and empty as empty. The JSON names are those
// of the records' own JSON, so a stored part reads like the record; a test
// checks that every field of the records has its place here.

type feeJSON struct {
	Kind      string     `json:"kind"`
	Suggested *moneyJSON `json:"suggested"`
}

type facilitatorJSON struct {
	Name string `json:"name"`
	Org  string `json:"org"`
}

type sessionPlanJSON struct {
	First    homeward.Date   `json:"first,omitzero"`
	At       string          `json:"at"`
	TimeZone string          `json:"time_zone"`
	Every    int             `json:"every_days"`
	Count    int             `json:"count"`
	Minutes  int             `json:"minutes"`
	Skip     []homeward.Date `json:"skip"`
}

type sessionJSON struct {
	Number  int       `json:"number"`
	Start   time.Time `json:"start"`
	Minutes int       `json:"minutes"`
}

type cohortMemberJSON struct {
	Org       string    `json:"org"`
	Status    string    `json:"status"`
	Applied   time.Time `json:"applied,omitzero"`
	TimeZone  string    `json:"time_zone"`
	Enrolled  time.Time `json:"enrolled,omitzero"`
	Withdrawn time.Time `json:"withdrawn,omitzero"`
}

type attendanceJSON struct {
	Session int    `json:"session"`
	Org     string `json:"org"`
	Present bool   `json:"present"`
}

type contributionJSON struct {
	Org    string        `json:"org"`
	Date   homeward.Date `json:"date,omitzero"`
	Amount moneyJSON     `json:"amount"`
}

type networkMemberJSON struct {
	Org    string        `json:"org"`
	Person string        `json:"person"`
	Role   string        `json:"role"`
	Joined homeward.Date `json:"joined,omitzero"`
	Left   homeward.Date `json:"left,omitzero"`
}

type participantsJSON struct {
	Count int      `json:"count"`
	Orgs  []string `json:"orgs"`
}

type eventJSON struct {
	ID           string           `json:"id"`
	Kind         string           `json:"kind"`
	Date         homeward.Date    `json:"date,omitzero"`
	Place        string           `json:"place"`
	Theme        string           `json:"theme"`
	SubThemes    []string         `json:"sub_themes"`
	Participants participantsJSON `json:"participants"`
	Notes        string           `json:"notes"`
}

type evidenceJSON struct {
	Date homeward.Date `json:"date,omitzero"`
	Text string        `json:"text"`
	Link string        `json:"link"`
}

// actionReviewJSON is the After Action Review of a learning action.
type actionReviewJSON struct {
	Date       homeward.Date `json:"date,omitzero"`
	Expected   string        `json:"expected"`
	Happened   string        `json:"happened"`
	Difference string        `json:"difference"`
	Learned    string        `json:"learned"`
}

type roundJSON struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Minutes  int    `json:"minutes"`
	Guidance string `json:"guidance"`
}

type protocolJSON struct {
	Name   string      `json:"name"`
	Rounds []roundJSON `json:"rounds"`
}

type roundContributionJSON struct {
	Round string    `json:"round"`
	Org   string    `json:"org"`
	Text  string    `json:"text"`
	At    time.Time `json:"at,omitzero"`
}

type chosenActionJSON struct {
	Description string        `json:"description"`
	Stage       string        `json:"stage"`
	Due         homeward.Date `json:"due,omitzero"`
}

// summaryJSON is a de-identified case summary (casework.Summary).
type summaryJSON struct {
	Reference              string                `json:"reference"`
	AgeBand                string                `json:"age_band"`
	Sex                    string                `json:"sex"`
	Languages              []string              `json:"languages"`
	Disabilities           []string              `json:"disabilities"`
	Status                 string                `json:"status"`
	ClosureReason          string                `json:"closure_reason"`
	Reopenings             int                   `json:"reopenings"`
	DaysSinceRegistration  int                   `json:"days_since_registration"`
	Risk                   string                `json:"risk"`
	RiskHistory            []riskStepJSON        `json:"risk_history"`
	Arrangements           []arrangementSpanJSON `json:"arrangements"`
	Household              []householdRoleJSON   `json:"household"`
	ChildStatus            []csiScoresJSON       `json:"child_status"`
	HouseholdVulnerability []hviScoreJSON        `json:"household_vulnerability"`
	Plans                  []planOutlineJSON     `json:"plans"`
	Narrative              string                `json:"narrative"`
}

type riskStepJSON struct {
	Level string `json:"level"`
	Day   int    `json:"day"`
}

type arrangementSpanJSON struct {
	Type        string `json:"type"`
	FamilyBased bool   `json:"family_based"`
	Days        int    `json:"days"`
	Current     bool   `json:"current"`
}

type householdRoleJSON struct {
	Role         string `json:"role"`
	Relationship string `json:"relationship"`
	Caregiver    bool   `json:"caregiver"`
}

type csiScoresJSON struct {
	Month   int               `json:"month"`
	Domains []domainScoreJSON `json:"domains"`
	Total   int               `json:"total"`
}

type domainScoreJSON struct {
	Domain string  `json:"domain"`
	Score  float64 `json:"score"`
}

type hviScoreJSON struct {
	Month int    `json:"month"`
	Total int    `json:"total"`
	Band  string `json:"band"`
}

type planOutlineJSON struct {
	Month   int               `json:"month"`
	Status  string            `json:"status"`
	Reviews int               `json:"reviews"`
	Goals   []goalOutlineJSON `json:"goals"`
}

type goalOutlineJSON struct {
	Domain  string         `json:"domain"`
	Status  string         `json:"status"`
	Actions map[string]int `json:"actions"`
}

// Conversions between the records' parts and their JSON shapes.

// mapList converts xs element by element, keeping nil as nil and empty as
// empty.
func mapList[T, J any](xs []T, conv func(*T) J) []J {
	if xs == nil {
		return nil
	}
	out := make([]J, len(xs))
	for i := range xs {
		out[i] = conv(&xs[i])
	}
	return out
}

// strs converts a list of string-typed values, keeping nil as nil.
func strs[T ~string, U ~string](xs []T) []U {
	if xs == nil {
		return nil
	}
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = U(x)
	}
	return out
}

func encodeFee(p *jsonParts, f cohort.FeePolicy) string {
	j := feeJSON{Kind: string(f.Kind)}
	if f.Suggested != nil {
		m := toMoney(*f.Suggested)
		j.Suggested = &m
	}
	return p.marshal("fee", j)
}

func decodeFee(p *jsonParts, b []byte) cohort.FeePolicy {
	var j feeJSON
	if isNull(b) {
		return cohort.FeePolicy{}
	}
	p.unmarshal("fee", b, &j)
	f := cohort.FeePolicy{Kind: cohort.FeeKind(j.Kind)}
	if j.Suggested != nil {
		m, err := fromMoney(*j.Suggested)
		if err != nil {
			p.fail("fee")
		}
		f.Suggested = &m
	}
	return f
}

func toFacilitator(f *cohort.Facilitator) facilitatorJSON {
	return facilitatorJSON{Name: f.Name, Org: string(f.Org)}
}

func fromFacilitator(j *facilitatorJSON) (cohort.Facilitator, error) {
	return cohort.Facilitator{Name: j.Name, Org: homeward.OrgID(j.Org)}, nil
}

func toTime(t *time.Time) time.Time { return normTime(*t) }

func fromTime(t *time.Time) (time.Time, error) { return normTime(*t), nil }

func encodePlan(p *jsonParts, s *cohort.SessionPlan) string {
	return p.marshal("plan", sessionPlanJSON{First: s.First, At: s.At, TimeZone: s.TimeZone, Every: s.Every, Count: s.Count,
		Minutes: s.Minutes, Skip: s.Skip})
}

func decodePlan(p *jsonParts, b []byte) cohort.SessionPlan {
	var j sessionPlanJSON
	if !isNull(b) {
		p.unmarshal("plan", b, &j)
	}
	return cohort.SessionPlan{First: j.First, At: j.At, TimeZone: j.TimeZone, Every: j.Every, Count: j.Count,
		Minutes: j.Minutes, Skip: j.Skip}
}

func toSession(s *cohort.Session) sessionJSON {
	return sessionJSON{Number: s.Number, Start: normTime(s.Start), Minutes: s.Minutes}
}

func fromSession(j *sessionJSON) (cohort.Session, error) {
	return cohort.Session{Number: j.Number, Start: normTime(j.Start), Minutes: j.Minutes}, nil
}

func toCohortMember(m *cohort.Member) cohortMemberJSON {
	return cohortMemberJSON{Org: string(m.Org), Status: string(m.Status), Applied: normTime(m.Applied), TimeZone: m.TimeZone,
		Enrolled: normTime(m.Enrolled), Withdrawn: normTime(m.Withdrawn)}
}

func fromCohortMember(j *cohortMemberJSON) (cohort.Member, error) {
	return cohort.Member{Org: homeward.OrgID(j.Org), Status: cohort.MemberStatus(j.Status), Applied: normTime(j.Applied),
		TimeZone: j.TimeZone, Enrolled: normTime(j.Enrolled), Withdrawn: normTime(j.Withdrawn)}, nil
}

func toAttendance(a *cohort.Attendance) attendanceJSON {
	return attendanceJSON{Session: a.Session, Org: string(a.Org), Present: a.Present}
}

func fromAttendance(j *attendanceJSON) (cohort.Attendance, error) {
	return cohort.Attendance{Session: j.Session, Org: homeward.OrgID(j.Org), Present: j.Present}, nil
}

func toContribution(c *cohort.Contribution) contributionJSON {
	return contributionJSON{Org: string(c.Org), Date: c.Date, Amount: toMoney(c.Amount)}
}

func fromContribution(j *contributionJSON) (cohort.Contribution, error) {
	m, err := fromMoney(j.Amount)
	return cohort.Contribution{Org: homeward.OrgID(j.Org), Date: j.Date, Amount: m}, err
}

func toNetworkMember(m *cohort.NetworkMember) networkMemberJSON {
	return networkMemberJSON{Org: string(m.Org), Person: m.Person, Role: string(m.Role), Joined: m.Joined, Left: m.Left}
}

func fromNetworkMember(j *networkMemberJSON) (cohort.NetworkMember, error) {
	return cohort.NetworkMember{Org: homeward.OrgID(j.Org), Person: j.Person, Role: cohort.NetworkRole(j.Role),
		Joined: j.Joined, Left: j.Left}, nil
}

func toEvent(e *cohort.Event) eventJSON {
	return eventJSON{ID: e.ID, Kind: string(e.Kind), Date: e.Date, Place: e.Place, Theme: e.Theme, SubThemes: e.SubThemes,
		Participants: participantsJSON{Count: e.Participants.Count, Orgs: strs[homeward.OrgID, string](e.Participants.Orgs)},
		Notes:        e.Notes}
}

func fromEvent(j *eventJSON) (cohort.Event, error) {
	return cohort.Event{ID: j.ID, Kind: cohort.EventKind(j.Kind), Date: j.Date, Place: j.Place, Theme: j.Theme,
		SubThemes:    j.SubThemes,
		Participants: cohort.Participants{Count: j.Participants.Count, Orgs: strs[string, homeward.OrgID](j.Participants.Orgs)},
		Notes:        j.Notes}, nil
}

func toEvidence(e *cohort.Evidence) evidenceJSON {
	return evidenceJSON{Date: e.Date, Text: e.Text, Link: e.Link}
}

func fromEvidence(j *evidenceJSON) (cohort.Evidence, error) {
	return cohort.Evidence{Date: j.Date, Text: j.Text, Link: j.Link}, nil
}

func encodeActionReview(p *jsonParts, r *cohort.Review) string {
	if r == nil {
		return "null"
	}
	return p.marshal("review", actionReviewJSON{Date: r.Date, Expected: r.Expected, Happened: r.Happened,
		Difference: r.Difference, Learned: r.Learned})
}

func decodeActionReview(p *jsonParts, b []byte) *cohort.Review {
	if isNull(b) {
		return nil
	}
	var j actionReviewJSON
	p.unmarshal("review", b, &j)
	return &cohort.Review{Date: j.Date, Expected: j.Expected, Happened: j.Happened, Difference: j.Difference, Learned: j.Learned}
}

func encodeProtocol(p *jsonParts, pr *cohort.Protocol) string {
	return p.marshal("protocol", protocolJSON{Name: pr.Name, Rounds: mapList(pr.Rounds, func(r *cohort.Round) roundJSON {
		return roundJSON{ID: r.ID, Title: r.Title, Minutes: r.Minutes, Guidance: r.Guidance}
	})})
}

func decodeProtocol(p *jsonParts, b []byte) cohort.Protocol {
	var j protocolJSON
	if !isNull(b) {
		p.unmarshal("protocol", b, &j)
	}
	return cohort.Protocol{Name: j.Name, Rounds: mapList(j.Rounds, func(r *roundJSON) cohort.Round {
		return cohort.Round{ID: r.ID, Title: r.Title, Minutes: r.Minutes, Guidance: r.Guidance}
	})}
}

func toRoundContribution(c *cohort.RoundContribution) roundContributionJSON {
	return roundContributionJSON{Round: c.Round, Org: string(c.Org), Text: c.Text, At: normTime(c.At)}
}

func fromRoundContribution(j *roundContributionJSON) (cohort.RoundContribution, error) {
	return cohort.RoundContribution{Round: j.Round, Org: homeward.OrgID(j.Org), Text: j.Text, At: normTime(j.At)}, nil
}

func toChosenAction(c *cohort.ChosenAction) chosenActionJSON {
	return chosenActionJSON{Description: c.Description, Stage: string(c.Stage), Due: c.Due}
}

func fromChosenAction(j *chosenActionJSON) (cohort.ChosenAction, error) {
	return cohort.ChosenAction{Description: j.Description, Stage: cohort.Stage(j.Stage), Due: j.Due}, nil
}

func encodeSummary(p *jsonParts, s *casework.Summary) string {
	j := summaryJSON{
		Reference: s.Reference, AgeBand: string(s.AgeBand), Sex: string(s.Sex),
		Languages:    s.Languages,
		Disabilities: strs[casework.Disability, string](s.Disabilities),
		Status:       string(s.Status), ClosureReason: string(s.ClosureReason), Reopenings: s.Reopenings,
		DaysSinceRegistration: s.DaysSinceRegistration, Risk: string(s.Risk),
		RiskHistory: mapList(s.RiskHistory, func(r *casework.RiskStep) riskStepJSON {
			return riskStepJSON{Level: string(r.Level), Day: r.Day}
		}),
		Arrangements: mapList(s.Arrangements, func(a *casework.ArrangementSpan) arrangementSpanJSON {
			return arrangementSpanJSON{Type: string(a.Type), FamilyBased: a.FamilyBased, Days: a.Days, Current: a.Current}
		}),
		Household: mapList(s.Household, func(h *casework.HouseholdRole) householdRoleJSON {
			return householdRoleJSON{Role: h.Role, Relationship: string(h.Relationship), Caregiver: h.Caregiver}
		}),
		ChildStatus: mapList(s.ChildStatus, func(c *casework.CSIScores) csiScoresJSON {
			return csiScoresJSON{Month: c.Month, Total: c.Total, Domains: mapList(c.Domains, func(d *casework.DomainScore) domainScoreJSON {
				return domainScoreJSON{Domain: string(d.Domain), Score: d.Score}
			})}
		}),
		HouseholdVulnerability: mapList(s.HouseholdVulnerability, func(h *casework.HVIScore) hviScoreJSON {
			return hviScoreJSON{Month: h.Month, Total: h.Total, Band: string(h.Band)}
		}),
		Plans: mapList(s.Plans, func(pl *casework.PlanOutline) planOutlineJSON {
			return planOutlineJSON{Month: pl.Month, Status: string(pl.Status), Reviews: pl.Reviews,
				Goals: mapList(pl.Goals, func(g *casework.GoalOutline) goalOutlineJSON {
					var actions map[string]int
					if g.Actions != nil {
						actions = make(map[string]int, len(g.Actions))
						for k, n := range g.Actions {
							actions[string(k)] = n
						}
					}
					return goalOutlineJSON{Domain: string(g.Domain), Status: string(g.Status), Actions: actions}
				})}
		}),
		Narrative: s.Narrative,
	}
	return p.marshal("summary", j)
}

func decodeSummary(p *jsonParts, b []byte) casework.Summary {
	var j summaryJSON
	if isNull(b) {
		return casework.Summary{}
	}
	p.unmarshal("summary", b, &j)
	return casework.Summary{
		Reference: j.Reference, AgeBand: casework.AgeBand(j.AgeBand), Sex: casework.Sex(j.Sex),
		Languages:    j.Languages,
		Disabilities: strs[string, casework.Disability](j.Disabilities),
		Status:       casework.Status(j.Status), ClosureReason: casework.ClosureReason(j.ClosureReason), Reopenings: j.Reopenings,
		DaysSinceRegistration: j.DaysSinceRegistration, Risk: casework.Risk(j.Risk),
		RiskHistory: mapList(j.RiskHistory, func(r *riskStepJSON) casework.RiskStep {
			return casework.RiskStep{Level: casework.Risk(r.Level), Day: r.Day}
		}),
		Arrangements: mapList(j.Arrangements, func(a *arrangementSpanJSON) casework.ArrangementSpan {
			return casework.ArrangementSpan{Type: casework.ArrangementType(a.Type), FamilyBased: a.FamilyBased, Days: a.Days, Current: a.Current}
		}),
		Household: mapList(j.Household, func(h *householdRoleJSON) casework.HouseholdRole {
			return casework.HouseholdRole{Role: h.Role, Relationship: casework.Relationship(h.Relationship), Caregiver: h.Caregiver}
		}),
		ChildStatus: mapList(j.ChildStatus, func(c *csiScoresJSON) casework.CSIScores {
			return casework.CSIScores{Month: c.Month, Total: c.Total, Domains: mapList(c.Domains, func(d *domainScoreJSON) casework.DomainScore {
				return casework.DomainScore{Domain: casework.CSIDomain(d.Domain), Score: d.Score}
			})}
		}),
		HouseholdVulnerability: mapList(j.HouseholdVulnerability, func(h *hviScoreJSON) casework.HVIScore {
			return casework.HVIScore{Month: h.Month, Total: h.Total, Band: casework.Band(h.Band)}
		}),
		Plans: mapList(j.Plans, func(pl *planOutlineJSON) casework.PlanOutline {
			return casework.PlanOutline{Month: pl.Month, Status: casework.PlanStatus(pl.Status), Reviews: pl.Reviews,
				Goals: mapList(pl.Goals, func(g *goalOutlineJSON) casework.GoalOutline {
					var actions map[casework.ActionStatus]int
					if g.Actions != nil {
						actions = make(map[casework.ActionStatus]int, len(g.Actions))
						for k, n := range g.Actions {
							actions[casework.ActionStatus(k)] = n
						}
					}
					return casework.GoalOutline{Domain: casework.Domain(g.Domain), Status: casework.GoalStatus(g.Status), Actions: actions}
				})}
		}),
		Narrative: j.Narrative,
	}
}
