package sqlstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// The nested parts of casework records are kept as JSON in the shapes
// below. They have plain string fields where the records have enumerations,
// so that a store keeps whatever it is given (it checks identity and
// versions only; the service validates), and money keeps its amount as
// exact decimal text. A nil slice or map is stored as JSON null and an empty
// one as [] or {}, so both read back as they were.

type riskChangeJSON struct {
	Date   homeward.Date `json:"date,omitzero"`
	From   string        `json:"from,omitempty"`
	To     string        `json:"to"`
	Reason string        `json:"reason,omitempty"`
	By     string        `json:"by,omitempty"`
}

type teamMemberJSON struct {
	Person string        `json:"person"`
	Role   string        `json:"role"`
	From   homeward.Date `json:"from,omitzero"`
	To     homeward.Date `json:"to,omitzero"`
}

type consentJSON struct {
	ID           string        `json:"id"`
	Purpose      string        `json:"purpose"`
	Parties      []string      `json:"parties"`
	GivenBy      string        `json:"given_by"`
	Relationship string        `json:"relationship,omitempty"`
	Date         homeward.Date `json:"date,omitzero"`
	Withdrawn    homeward.Date `json:"withdrawn,omitzero"`
}

type arrangementJSON struct {
	Type      string        `json:"type"`
	Start     homeward.Date `json:"start,omitzero"`
	End       homeward.Date `json:"end,omitzero"`
	Reason    string        `json:"reason,omitempty"`
	Household string        `json:"household,omitempty"`
}

type statusChangeJSON struct {
	At   time.Time `json:"at"`
	From string    `json:"from,omitempty"`
	To   string    `json:"to"`
	By   string    `json:"by,omitempty"`
}

type closureJSON struct {
	Date   homeward.Date `json:"date,omitzero"`
	Reason string        `json:"reason"`
	Note   string        `json:"note,omitempty"`
}

type reopeningJSON struct {
	Date   homeward.Date `json:"date,omitzero"`
	Reason string        `json:"reason"`
	By     string        `json:"by,omitempty"`
}

type memberJSON struct {
	ID           string `json:"id"`
	GivenName    string `json:"given_name"`
	FamilyName   string `json:"family_name,omitempty"`
	Relationship string `json:"relationship"`
	Caregiver    bool   `json:"caregiver,omitempty"`
	Sex          string `json:"sex,omitempty"`
	BirthYear    int    `json:"birth_year,omitempty"`
}

// moneyJSON is an amount as exact decimal text and an ISO 4217 code ("" for
// no currency).
type moneyJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

type incomeJSON struct {
	Kind        string        `json:"kind"`
	Description string        `json:"description,omitempty"`
	Monthly     moneyJSON     `json:"monthly"`
	From        homeward.Date `json:"from,omitzero"`
	To          homeward.Date `json:"to,omitzero"`
}

type supportJSON struct {
	Date   homeward.Date `json:"date,omitzero"`
	Kind   string        `json:"kind"`
	Amount moneyJSON     `json:"amount"`
	Note   string        `json:"note,omitempty"`
}

type reviewJSON struct {
	Date homeward.Date `json:"date,omitzero"`
	By   string        `json:"by"`
	Note string        `json:"note,omitempty"`
}

type goalJSON struct {
	ID          string       `json:"id"`
	Domain      string       `json:"domain"`
	Description string       `json:"description"`
	Status      string       `json:"status"`
	Actions     []actionJSON `json:"actions"`
}

type actionJSON struct {
	ID          string        `json:"id"`
	Description string        `json:"description"`
	Owner       string        `json:"owner"`
	Due         homeward.Date `json:"due,omitzero"`
	Status      string        `json:"status"`
	Done        homeward.Date `json:"done,omitzero"`
}

// jsonParts encodes and decodes the JSON parts of one record, keeping the
// first failure as an error that names the record by id and the part by
// name, and never quotes the record's text.
type jsonParts struct {
	kind, id string
	err      error
}

func (p *jsonParts) fail(part string) {
	if p.err == nil {
		p.err = fmt.Errorf("sqlstore: %s %s: %s cannot be stored as or read from JSON", p.kind, p.id, part)
	}
}

// marshal writes v as JSON; on failure it records the part and returns
// JSON null.
func (p *jsonParts) marshal(part string, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		p.fail(part)
		return "null"
	}
	return string(b)
}

// encodeList writes xs, converted element by element, as a JSON array, or
// JSON null for a nil slice.
func encodeList[T, J any](p *jsonParts, part string, xs []T, conv func(*T) J) string {
	if xs == nil {
		return "null"
	}
	out := make([]J, len(xs))
	for i := range xs {
		out[i] = conv(&xs[i])
	}
	return p.marshal(part, out)
}

// encodeStrings writes a list of strings (or of string-typed values) as a
// JSON array, or null for a nil slice.
func encodeStrings[T ~string](p *jsonParts, part string, xs []T) string {
	if xs == nil {
		return "null"
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return p.marshal(part, out)
}

// unmarshal reads JSON into dst, recording the part on failure.
func (p *jsonParts) unmarshal(part string, b []byte, dst any) {
	if err := json.Unmarshal(b, dst); err != nil {
		p.fail(part)
	}
}

// decodeList reads a JSON array (or null) of J and converts its elements.
func decodeList[T, J any](p *jsonParts, part string, b []byte, conv func(*J) (T, error)) []T {
	if isNull(b) {
		return nil
	}
	var in []J
	p.unmarshal(part, b, &in)
	if in == nil {
		return nil
	}
	out := make([]T, len(in))
	for i := range in {
		v, err := conv(&in[i])
		if err != nil {
			p.fail(part)
		}
		out[i] = v
	}
	return out
}

func isNull(b []byte) bool { return len(b) == 0 || string(b) == "null" }

func decodeStrings[T ~string](p *jsonParts, part string, b []byte) []T {
	if isNull(b) {
		return nil
	}
	var in []string
	p.unmarshal(part, b, &in)
	if in == nil {
		return nil
	}
	out := make([]T, len(in))
	for i, x := range in {
		out[i] = T(x)
	}
	return out
}

func fromMoney(j moneyJSON) (homeward.Money, error) {
	var m homeward.Money
	if j.Amount != "" {
		d, err := decimal.NewFromString(j.Amount)
		if err != nil {
			return m, errors.New("stored amount is not a decimal number")
		}
		m.Amount = d
	}
	if j.Currency != "" {
		u, err := currency.ParseISO(j.Currency)
		if err != nil {
			return m, errors.New("stored currency is not an ISO 4217 code")
		}
		m.Currency = u
	}
	return m, nil
}

// Conversions from the JSON shapes to the records' parts. Times are
// normalised as the store keeps them (UTC, microseconds).

func fromRiskChange(j *riskChangeJSON) (casework.RiskChange, error) {
	return casework.RiskChange{Date: j.Date, From: casework.Risk(j.From), To: casework.Risk(j.To), Reason: j.Reason, By: homeward.ActorID(j.By)}, nil
}

func fromTeamMember(j *teamMemberJSON) (casework.TeamMember, error) {
	return casework.TeamMember{Person: j.Person, Role: casework.TeamRole(j.Role), From: j.From, To: j.To}, nil
}

func fromConsent(j *consentJSON) (casework.Consent, error) {
	return casework.Consent{ID: j.ID, Purpose: casework.ConsentPurpose(j.Purpose), Parties: j.Parties, GivenBy: j.GivenBy,
		Relationship: casework.Relationship(j.Relationship), Date: j.Date, Withdrawn: j.Withdrawn}, nil
}

func fromArrangement(j *arrangementJSON) (casework.Arrangement, error) {
	return casework.Arrangement{Type: casework.ArrangementType(j.Type), Start: j.Start, End: j.End, Reason: j.Reason,
		Household: casework.HouseholdID(j.Household)}, nil
}

func fromStatusChange(j *statusChangeJSON) (casework.StatusChange, error) {
	return casework.StatusChange{At: normTime(j.At), From: casework.Status(j.From), To: casework.Status(j.To), By: homeward.ActorID(j.By)}, nil
}

func fromReopening(j *reopeningJSON) (casework.Reopening, error) {
	return casework.Reopening{Date: j.Date, Reason: j.Reason, By: homeward.ActorID(j.By)}, nil
}

func decodeClosure(p *jsonParts, b []byte) *casework.Closure {
	if isNull(b) {
		return nil
	}
	var j closureJSON
	p.unmarshal("closure", b, &j)
	return &casework.Closure{Date: j.Date, Reason: casework.ClosureReason(j.Reason), Note: j.Note}
}

func fromMember(j *memberJSON) (casework.Member, error) {
	return casework.Member{ID: casework.MemberID(j.ID), GivenName: j.GivenName, FamilyName: j.FamilyName,
		Relationship: casework.Relationship(j.Relationship), Caregiver: j.Caregiver, Sex: casework.Sex(j.Sex), BirthYear: j.BirthYear}, nil
}

func fromIncome(j *incomeJSON) (casework.IncomeSource, error) {
	m, err := fromMoney(j.Monthly)
	return casework.IncomeSource{Kind: casework.IncomeKind(j.Kind), Description: j.Description, Monthly: m, From: j.From, To: j.To}, err
}

func fromSupport(j *supportJSON) (casework.SupportPayment, error) {
	m, err := fromMoney(j.Amount)
	return casework.SupportPayment{Date: j.Date, Kind: casework.SupportKind(j.Kind), Amount: m, Note: j.Note}, err
}

func fromReview(j *reviewJSON) (casework.Review, error) {
	return casework.Review{Date: j.Date, By: j.By, Note: j.Note}, nil
}

func fromGoal(j *goalJSON) (casework.Goal, error) {
	var actions []casework.Action
	if j.Actions != nil {
		actions = make([]casework.Action, len(j.Actions))
		for i, a := range j.Actions {
			actions[i] = casework.Action{ID: a.ID, Description: a.Description, Owner: a.Owner, Due: a.Due,
				Status: casework.ActionStatus(a.Status), Done: a.Done}
		}
	}
	return casework.Goal{ID: j.ID, Domain: casework.Domain(j.Domain), Description: j.Description,
		Status: casework.GoalStatus(j.Status), Actions: actions}, nil
}

func decodeScores(p *jsonParts, b []byte) map[casework.Factor]int {
	if isNull(b) {
		return nil
	}
	var m map[casework.Factor]int
	p.unmarshal("scores", b, &m)
	return m
}

// Conversions from the records' parts to their JSON shapes, for
// encoding/json: the reference the appenders of casework_json.go are tested
// against, and shared with the other stores of the package.

func toRiskChange(r *casework.RiskChange) riskChangeJSON {
	return riskChangeJSON{Date: r.Date, From: string(r.From), To: string(r.To), Reason: r.Reason, By: string(r.By)}
}

func toTeamMember(m *casework.TeamMember) teamMemberJSON {
	return teamMemberJSON{Person: m.Person, Role: string(m.Role), From: m.From, To: m.To}
}

func toConsent(c *casework.Consent) consentJSON {
	return consentJSON{ID: c.ID, Purpose: string(c.Purpose), Parties: c.Parties, GivenBy: c.GivenBy,
		Relationship: string(c.Relationship), Date: c.Date, Withdrawn: c.Withdrawn}
}

func toArrangement(a *casework.Arrangement) arrangementJSON {
	return arrangementJSON{Type: string(a.Type), Start: a.Start, End: a.End, Reason: a.Reason, Household: string(a.Household)}
}

func toStatusChange(s *casework.StatusChange) statusChangeJSON {
	return statusChangeJSON{At: normTime(s.At), From: string(s.From), To: string(s.To), By: string(s.By)}
}

func toReopening(r *casework.Reopening) reopeningJSON {
	return reopeningJSON{Date: r.Date, Reason: r.Reason, By: string(r.By)}
}

func toMember(m *casework.Member) memberJSON {
	return memberJSON{ID: string(m.ID), GivenName: m.GivenName, FamilyName: m.FamilyName, Relationship: string(m.Relationship),
		Caregiver: m.Caregiver, Sex: string(m.Sex), BirthYear: m.BirthYear}
}

func toIncome(in *casework.IncomeSource) incomeJSON {
	return incomeJSON{Kind: string(in.Kind), Description: in.Description, Monthly: toMoney(in.Monthly), From: in.From, To: in.To}
}

func toSupport(s *casework.SupportPayment) supportJSON {
	return supportJSON{Date: s.Date, Kind: string(s.Kind), Amount: toMoney(s.Amount), Note: s.Note}
}

func toReview(r *casework.Review) reviewJSON {
	return reviewJSON{Date: r.Date, By: r.By, Note: r.Note}
}

func toAction(a *casework.Action) actionJSON {
	return actionJSON{ID: a.ID, Description: a.Description, Owner: a.Owner, Due: a.Due, Status: string(a.Status), Done: a.Done}
}

func toGoal(g *casework.Goal) goalJSON {
	var actions []actionJSON
	if g.Actions != nil {
		actions = make([]actionJSON, len(g.Actions))
		for i := range g.Actions {
			actions[i] = toAction(&g.Actions[i])
		}
	}
	return goalJSON{ID: g.ID, Domain: string(g.Domain), Description: g.Description, Status: string(g.Status), Actions: actions}
}

func toMoney(m homeward.Money) moneyJSON {
	j := moneyJSON{Amount: m.Amount.String()}
	if m.HasCurrency() {
		j.Currency = m.Currency.String()
	}
	return j
}

func encodeClosure(p *jsonParts, c *casework.Closure) string {
	if c == nil {
		return "null"
	}
	return p.marshal("closure", closureJSON{Date: c.Date, Reason: string(c.Reason), Note: c.Note})
}

func encodeScores(p *jsonParts, m map[casework.Factor]int) string {
	if m == nil {
		return "null"
	}
	return p.marshal("scores", m)
}
