package sqlstore

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
)

// marshalRef is what encoding/json writes for v: the reference for the
// appenders.
func marshalRef(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// awkward are strings that exercise every escape of encoding/json.
var awkward = []string{
	"", "plain", `quote " and \ backslash`, "<script>&amp;</script>", "tab\tnew\nline\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "Zoë Ñúñez ✓ «ok» 日本", "line\u2028sep\u2029para", "bad \xff\xfe utf-8 \xc3", "emoji 👩🏽‍⚕️",
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	inputs := append([]string(nil), awkward...)
	for range 2000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		require.Equal(t, marshalRef(t, s), string(appendJSONString(nil, s)), "%q", s)
	}
}

// TestAppendersMatchEncodingJSON holds every appender to what encoding/json
// writes for the same part in its JSON shape, with fields set, empty and
// awkward.
func TestAppendersMatchEncodingJSON(t *testing.T) {
	day := homeward.MustParseDate("2027-03-01")
	at := time.Date(2027, 3, 1, 9, 30, 15, 123456789, time.FixedZone("EAT", 3*3600))
	for _, s := range awkward {
		rc := casework.RiskChange{Date: day, From: casework.Risk(s), To: "high", Reason: s, By: homeward.ActorID(s)}
		require.Equal(t, marshalRef(t, toRiskChange(&rc)), string(appendRiskChange(nil, &rc)))
		rc = casework.RiskChange{}
		require.Equal(t, marshalRef(t, toRiskChange(&rc)), string(appendRiskChange(nil, &rc)))

		tm := casework.TeamMember{Person: s, Role: casework.TeamRole(s), From: day, To: day.AddDays(3)}
		require.Equal(t, marshalRef(t, toTeamMember(&tm)), string(appendTeamMember(nil, &tm)))
		tm = casework.TeamMember{}
		require.Equal(t, marshalRef(t, toTeamMember(&tm)), string(appendTeamMember(nil, &tm)))

		cs := casework.Consent{ID: s, Purpose: casework.ConsentPurpose(s), Parties: []string{s, "x"}, GivenBy: s,
			Relationship: casework.Relationship(s), Date: day, Withdrawn: day.AddDays(9)}
		require.Equal(t, marshalRef(t, toConsent(&cs)), string(appendConsent(nil, &cs)))
		for _, parties := range [][]string{nil, {}} {
			cs = casework.Consent{Parties: parties}
			require.Equal(t, marshalRef(t, toConsent(&cs)), string(appendConsent(nil, &cs)))
		}

		ar := casework.Arrangement{Type: casework.ArrangementType(s), Start: day, End: day.AddDays(1), Reason: s, Household: casework.HouseholdID(s)}
		require.Equal(t, marshalRef(t, toArrangement(&ar)), string(appendArrangement(nil, &ar)))
		ar = casework.Arrangement{}
		require.Equal(t, marshalRef(t, toArrangement(&ar)), string(appendArrangement(nil, &ar)))

		for _, when := range []time.Time{at, {}, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)} {
			sc := casework.StatusChange{At: when, From: casework.Status(s), To: casework.Status(s), By: homeward.ActorID(s)}
			require.Equal(t, marshalRef(t, toStatusChange(&sc)), string(appendStatusChange(nil, &sc)))
		}

		ro := casework.Reopening{Date: day, Reason: s, By: homeward.ActorID(s)}
		require.Equal(t, marshalRef(t, toReopening(&ro)), string(appendReopening(nil, &ro)))

		var w jsonBuf
		cl := &casework.Closure{Date: day, Reason: casework.ClosureReason(s), Note: s}
		require.Equal(t, marshalRef(t, closureJSON{Date: cl.Date, Reason: string(cl.Reason), Note: cl.Note}), jsonClosure(&w, cl))
		require.Equal(t, "null", jsonClosure(&w, nil))

		m := casework.Member{ID: casework.MemberID(s), GivenName: s, FamilyName: s, Relationship: casework.Relationship(s),
			Caregiver: true, Sex: casework.Sex(s), BirthYear: -1961}
		require.Equal(t, marshalRef(t, toMember(&m)), string(appendMember(nil, &m)))
		m = casework.Member{}
		require.Equal(t, marshalRef(t, toMember(&m)), string(appendMember(nil, &m)))

		for _, money := range []homeward.Money{homeward.MustMoney("1250.50", "KES"), homeward.MustMoney("-0.000001", "USD"), {}} {
			in := casework.IncomeSource{Kind: casework.IncomeKind(s), Description: s, Monthly: money, From: day, To: day.AddDays(30)}
			require.Equal(t, marshalRef(t, toIncome(&in)), string(appendIncome(nil, &in)))
			sp := casework.SupportPayment{Date: day, Kind: casework.SupportKind(s), Amount: money, Note: s}
			require.Equal(t, marshalRef(t, toSupport(&sp)), string(appendSupport(nil, &sp)))
		}

		rv := casework.Review{Date: day, By: s, Note: s}
		require.Equal(t, marshalRef(t, toReview(&rv)), string(appendReview(nil, &rv)))

		g := casework.Goal{ID: s, Domain: casework.Domain(s), Description: s, Status: casework.GoalStatus(s), Actions: []casework.Action{
			{ID: s, Description: s, Owner: s, Due: day, Status: casework.ActionStatus(s), Done: day.AddDays(2)}, {},
		}}
		require.Equal(t, marshalRef(t, toGoal(&g)), string(appendGoal(nil, &g)))
		for _, actions := range [][]casework.Action{nil, {}} {
			g = casework.Goal{Actions: actions}
			require.Equal(t, marshalRef(t, toGoal(&g)), string(appendGoal(nil, &g)))
		}

		scores := map[casework.Factor]int{casework.Factor(s): 3, "care": 1, "shelter": -4, "a<b": 2}
		require.Equal(t, marshalRef(t, scores), jsonScores(&w, scores))
		require.Equal(t, "{}", jsonScores(&w, map[casework.Factor]int{}))
		require.Equal(t, "null", jsonScores(&w, nil))

		require.Equal(t, marshalRef(t, []string{s, s + "x"}), jsonStrings(&w, []string{s, s + "x"}))
	}
	var w jsonBuf
	require.Equal(t, "null", jsonStrings[string](&w, nil))
	require.Equal(t, "[]", jsonStrings(&w, []casework.Disability{}))
	require.Equal(t, "null", jsonArray(&w, []casework.Reopening(nil), appendReopening))
	require.Equal(t, "[]", jsonArray(&w, []casework.Reopening{}, appendReopening))
	two := []casework.Reopening{{Reason: "a"}, {Reason: "b"}}
	require.Equal(t, `[{"reason":"a"},{"reason":"b"}]`, jsonArray(&w, two, appendReopening))
	require.False(t, strings.Contains(jsonArray(&w, two, appendReopening), " "))
}
