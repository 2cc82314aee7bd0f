package cohorttest

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/cohort"
)

const touchedName = "changed — «touched» ✓"

var programmes = kind[cohort.ProgrammeID, cohort.Programme, cohort.ProgrammeFilter]{
	store: func(st cohort.Stores) store[cohort.ProgrammeID, cohort.Programme, cohort.ProgrammeFilter] {
		if st.Programmes == nil {
			return nil
		}
		return st.Programmes
	},
	sample: func(id string, i int) cohort.Programme {
		p := cohort.MutualLearningProgram(cohort.ProgrammeID(id), "org-1", "org-2")
		fee := homeward.MustMoney("25.50", "EUR")
		p.Fee.Suggested = &fee
		p.Themes = append(p.Themes, fmt.Sprintf("theme %d", i))
		p.CreatedAt, p.UpdatedAt = base, base.Add(time.Minute)
		return p
	},
	id:      func(p *cohort.Programme) cohort.ProgrammeID { return p.ID },
	version: func(p *cohort.Programme) *int64 { return &p.Version },
	touch:   func(p *cohort.Programme) { p.Name = touchedName },
	touched: func(p *cohort.Programme) bool { return p.Name == touchedName },
	deep: func(p *cohort.Programme) {
		p.Organisers[0] = "changed"
		p.Languages[0] = "xx"
		p.Themes[0] = "changed"
		p.Fee.Suggested.Amount = decimal.NewFromInt(999)
	},
	all: func(page homeward.PageRequest) cohort.ProgrammeFilter { return cohort.ProgrammeFilter{Page: page} },
	filters: func(t *testing.T, s store[cohort.ProgrammeID, cohort.Programme, cohort.ProgrammeFilter]) {
		ctx := t.Context()
		a := cohort.MutualLearningProgram("b", "org-1")
		b := cohort.MutualLearningProgram("a", "org-2", "org-3")
		b.Kind = cohort.KindLearningNetwork
		c := cohort.MutualLearningProgram("c", "org-3")
		c.Kind = cohort.KindPeerReview
		for _, p := range []cohort.Programme{a, b, c} {
			_, err := s.Create(ctx, p)
			require.NoError(t, err)
		}
		list := lister(t, s, func(v *cohort.Programme) cohort.ProgrammeID { return v.ID }, func(f *cohort.ProgrammeFilter) *homeward.PageRequest { return &f.Page })
		require.Equal(t, []string{"a", "b", "c"}, list(cohort.ProgrammeFilter{}), "by id")
		require.Equal(t, []string{"a", "c"}, list(cohort.ProgrammeFilter{Organiser: "org-3"}))
		require.Equal(t, []string{"c"}, list(cohort.ProgrammeFilter{Organiser: "org-3", Kind: cohort.KindPeerReview}))
		require.Equal(t, []string{"b"}, list(cohort.ProgrammeFilter{Kind: cohort.KindMutualLearning}))
		require.Empty(t, list(cohort.ProgrammeFilter{Organiser: "org-9"}))
	},
}

// sampleCohort returns a cohort with every field set; its start is i days
// after 2027-01-04.
func sampleCohort(id string, i int) cohort.Cohort {
	first := day("2027-01-04").AddDays(i)
	plan := cohort.SessionPlan{First: first, At: "16:00", TimeZone: "America/Mexico_City", Every: 14, Count: 4, Minutes: 120,
		Skip: []homeward.Date{first.AddDays(14)}}
	sessions, err := plan.Sessions()
	if err != nil {
		panic(err)
	}
	applied := base.Add(-48 * time.Hour)
	return cohort.Cohort{
		ID: cohort.CohortID(id), Programme: "p1", Organisers: []homeward.OrgID{"org-1", "org-2"},
		Name: "Serie 2 — «Familias»", Start: first, Status: cohort.CohortRunning, Language: "es",
		Facilitators: []cohort.Facilitator{{Name: "Lucía R.", Org: "fac-1"}},
		InfoMeetings: []time.Time{base.Add(-30 * 24 * time.Hour)},
		Capacity:     2, Plan: plan, Sessions: sessions,
		Members: []cohort.Member{
			{Org: "ngo-a", Status: cohort.MemberEnrolled, Applied: applied, Enrolled: applied, TimeZone: "Africa/Nairobi"},
			{Org: "ngo-b", Status: cohort.MemberWithdrawn, Applied: applied.Add(time.Hour), Enrolled: applied.Add(time.Hour), TimeZone: "Asia/Kolkata", Withdrawn: base},
			{Org: "ngo-c", Status: cohort.MemberEnrolled, Applied: applied.Add(2 * time.Hour), Enrolled: base, TimeZone: "Europe/Kyiv"},
			{Org: "ngo-d", Status: cohort.MemberWaitlisted, Applied: applied.Add(3 * time.Hour), TimeZone: "America/Lima"},
		},
		Attendance:      []cohort.Attendance{{Session: 1, Org: "ngo-a", Present: true}, {Session: 1, Org: "ngo-b", Present: false}},
		Contributions:   []cohort.Contribution{{Org: "ngo-a", Date: first, Amount: homeward.MustMoney("50", "EUR")}},
		CompletionShare: decimal.RequireFromString("0.8"),
		CreatedAt:       base, UpdatedAt: base.Add(time.Minute),
	}
}

var cohorts = kind[cohort.CohortID, cohort.Cohort, cohort.CohortFilter]{
	store: func(st cohort.Stores) store[cohort.CohortID, cohort.Cohort, cohort.CohortFilter] {
		if st.Cohorts == nil {
			return nil
		}
		return st.Cohorts
	},
	sample:  sampleCohort,
	id:      func(c *cohort.Cohort) cohort.CohortID { return c.ID },
	version: func(c *cohort.Cohort) *int64 { return &c.Version },
	touch:   func(c *cohort.Cohort) { c.Name = touchedName },
	touched: func(c *cohort.Cohort) bool { return c.Name == touchedName },
	deep: func(c *cohort.Cohort) {
		c.Organisers[0] = "changed"
		c.Facilitators[0].Name = "changed"
		c.InfoMeetings[0] = time.Time{}
		c.Plan.Skip[0] = day("2000-01-01")
		c.Sessions[0].Minutes = 1
		c.Members[0].Status = cohort.MemberWithdrawn
		c.Attendance[0].Present = false
		c.Contributions[0].Amount = homeward.MustMoney("1", "USD")
	},
	all: func(page homeward.PageRequest) cohort.CohortFilter { return cohort.CohortFilter{Page: page} },
	filters: func(t *testing.T, s store[cohort.CohortID, cohort.Cohort, cohort.CohortFilter]) {
		ctx := t.Context()
		a := sampleCohort("a", 7)
		b := sampleCohort("b", 0)
		b.Programme, b.Status = "p2", cohort.CohortRecruiting
		b.Members = b.Members[:1]
		b.Attendance = b.Attendance[:1]
		c := sampleCohort("c", 7)
		c.Organisers, c.Facilitators, c.Members, c.Attendance, c.Contributions = []homeward.OrgID{"org-3"}, nil, nil, nil, nil
		for _, x := range []cohort.Cohort{a, b, c} {
			_, err := s.Create(ctx, x)
			require.NoError(t, err)
		}
		list := lister(t, s, func(v *cohort.Cohort) cohort.CohortID { return v.ID }, func(f *cohort.CohortFilter) *homeward.PageRequest { return &f.Page })
		require.Equal(t, []string{"b", "a", "c"}, list(cohort.CohortFilter{}), "by start date, then id")
		require.Equal(t, []string{"a", "c"}, list(cohort.CohortFilter{Programme: "p1"}))
		require.Equal(t, []string{"b"}, list(cohort.CohortFilter{Status: cohort.CohortRecruiting}))
		require.Equal(t, []string{"b", "a"}, list(cohort.CohortFilter{Org: "org-2"}), "organisers")
		require.Equal(t, []string{"b", "a"}, list(cohort.CohortFilter{Org: "fac-1"}), "facilitators")
		require.Equal(t, []string{"a"}, list(cohort.CohortFilter{Org: "ngo-d"}), "members in any state")
		require.Equal(t, []string{"c"}, list(cohort.CohortFilter{Org: "org-3", Programme: "p1", Status: cohort.CohortRunning}))
		require.Empty(t, list(cohort.CohortFilter{Org: "org-9"}))
	},
}

// sampleNetwork returns a network with every field set.
func sampleNetwork(id string, i int) cohort.Network {
	return cohort.Network{
		ID: cohort.NetworkID(id), Kind: cohort.NetworkNeighbourhood, Name: fmt.Sprintf("Samen leren gezinnen versterken %d", i),
		Region: "Rotterdam", Neighbourhoods: []string{"Hillesluis", "Crooswijk", "Bospolder-Tussendijken"}, Programme: "p1",
		Facilitator: cohort.Facilitator{Name: "Onderzoeker IVO", Org: "ivo"}, Lead: "lead-1",
		Scope:  "Hoe ondersteunen we gezinnen met hulpvragen in het voorveld?",
		Themes: []string{"casusbespreking", "empowerment", "samenwerken", "cultuursensitief werken"},
		Members: []cohort.NetworkMember{
			{Org: "team-toekomst", Person: "A. Jansen", Role: cohort.RoleFamilySupporter, Joined: day("2022-09-01")},
			{Org: "valentijnschool", Role: cohort.RoleParentInvolvement, Joined: day("2022-09-01"), Left: day("2023-06-30")},
		},
		Events: []cohort.Event{{ID: "e1", Kind: cohort.EventRoadshow, Date: day("2023-03-14"), Place: "Crooswijk",
			Theme: "Positive Behavior Support", SubThemes: []string{"waarden gedreven werken", "complimenten als positieve bekrachtiger"},
			Participants: cohort.Participants{Count: 24, Orgs: []homeward.OrgID{"team-toekomst", "valentijnschool"}}, Notes: "Rollenspel ✓"}},
		Conclusions: []string{"Casuïstiekbespreking is een goed instrument om bewust van elkaar te leren."},
		CreatedAt:   base, UpdatedAt: base.Add(time.Minute),
	}
}

var networks = kind[cohort.NetworkID, cohort.Network, cohort.NetworkFilter]{
	store: func(st cohort.Stores) store[cohort.NetworkID, cohort.Network, cohort.NetworkFilter] {
		if st.Networks == nil {
			return nil
		}
		return st.Networks
	},
	sample:  sampleNetwork,
	id:      func(n *cohort.Network) cohort.NetworkID { return n.ID },
	version: func(n *cohort.Network) *int64 { return &n.Version },
	touch:   func(n *cohort.Network) { n.Name = touchedName },
	touched: func(n *cohort.Network) bool { return n.Name == touchedName },
	deep: func(n *cohort.Network) {
		n.Neighbourhoods[0] = "changed"
		n.Themes[0] = "changed"
		n.Members[0].Role = cohort.RoleOther
		n.Events[0].SubThemes[0] = "changed"
		n.Events[0].Participants.Orgs[0] = "changed"
		n.Events[0].Participants.Count = 1
		n.Conclusions[0] = "changed"
	},
	all: func(page homeward.PageRequest) cohort.NetworkFilter { return cohort.NetworkFilter{Page: page} },
	filters: func(t *testing.T, s store[cohort.NetworkID, cohort.Network, cohort.NetworkFilter]) {
		ctx := t.Context()
		a := sampleNetwork("b", 0)
		b := sampleNetwork("a", 1)
		b.Kind, b.Programme, b.Lead, b.Facilitator, b.Members = cohort.NetworkRegion, "", "lead-2", cohort.Facilitator{Name: "P. Facilitator", Org: "idrops"}, nil
		for _, x := range []cohort.Network{a, b} {
			_, err := s.Create(ctx, x)
			require.NoError(t, err)
		}
		list := lister(t, s, func(v *cohort.Network) cohort.NetworkID { return v.ID }, func(f *cohort.NetworkFilter) *homeward.PageRequest { return &f.Page })
		require.Equal(t, []string{"a", "b"}, list(cohort.NetworkFilter{}), "by id")
		require.Equal(t, []string{"b"}, list(cohort.NetworkFilter{Org: "lead-1"}), "the lead")
		require.Equal(t, []string{"a"}, list(cohort.NetworkFilter{Org: "idrops"}), "the facilitator")
		require.Equal(t, []string{"b"}, list(cohort.NetworkFilter{Org: "valentijnschool"}), "past members too")
		require.Equal(t, []string{"a"}, list(cohort.NetworkFilter{Kind: cohort.NetworkRegion}))
		require.Equal(t, []string{"b"}, list(cohort.NetworkFilter{Programme: "p1"}))
		require.Empty(t, list(cohort.NetworkFilter{Org: "team-toekomst", Kind: cohort.NetworkRegion}))
	},
}

// sampleAction returns a learning action with every field set, due i days
// after 2027-04-01.
func sampleAction(id string, i int) cohort.LearningAction {
	return cohort.LearningAction{
		ID: cohort.LearningActionID(id), Org: "ngo-a", Cohort: "c1", Discussion: "d1",
		Description: "Plan a family group conference — «with the grandmother»", Stage: cohort.StageStudy,
		Due: day("2027-04-01").AddDays(i), Status: cohort.ActionInProgress,
		Evidence:  []cohort.Evidence{{Date: day("2027-03-20"), Text: "Procedure changed", Link: "https://example.org/doc"}},
		Review:    &cohort.Review{Date: day("2027-03-25"), Expected: "x", Happened: "y", Difference: "z", Learned: "keep doing"},
		CreatedAt: base, UpdatedAt: base.Add(time.Minute),
	}
}

var actions = kind[cohort.LearningActionID, cohort.LearningAction, cohort.LearningActionFilter]{
	store: func(st cohort.Stores) store[cohort.LearningActionID, cohort.LearningAction, cohort.LearningActionFilter] {
		if st.Actions == nil {
			return nil
		}
		return st.Actions
	},
	sample:  sampleAction,
	id:      func(a *cohort.LearningAction) cohort.LearningActionID { return a.ID },
	version: func(a *cohort.LearningAction) *int64 { return &a.Version },
	touch:   func(a *cohort.LearningAction) { a.Description = touchedName },
	touched: func(a *cohort.LearningAction) bool { return a.Description == touchedName },
	deep: func(a *cohort.LearningAction) {
		a.Evidence[0].Text = "changed"
		a.Review.Learned = "changed"
	},
	all: func(page homeward.PageRequest) cohort.LearningActionFilter {
		return cohort.LearningActionFilter{Page: page}
	},
	filters: func(t *testing.T, s store[cohort.LearningActionID, cohort.LearningAction, cohort.LearningActionFilter]) {
		ctx := t.Context()
		a := sampleAction("a", 3)
		b := sampleAction("b", 0)
		b.Org, b.Status, b.Stage = "ngo-b", cohort.ActionOpen, cohort.StagePlan
		c := sampleAction("c", 3)
		c.Cohort, c.Discussion, c.Network, c.Review = "", "", "n1", nil
		d := sampleAction("d", 1)
		d.Discussion, d.Status = "", cohort.ActionDone
		for _, x := range []cohort.LearningAction{a, b, c, d} {
			_, err := s.Create(ctx, x)
			require.NoError(t, err)
		}
		list := lister(t, s, func(v *cohort.LearningAction) cohort.LearningActionID { return v.ID }, func(f *cohort.LearningActionFilter) *homeward.PageRequest { return &f.Page })
		require.Equal(t, []string{"b", "d", "a", "c"}, list(cohort.LearningActionFilter{}), "by due date, then id")
		require.Equal(t, []string{"d", "a", "c"}, list(cohort.LearningActionFilter{Org: "ngo-a"}))
		require.Equal(t, []string{"b", "d", "a"}, list(cohort.LearningActionFilter{Cohort: "c1"}))
		require.Equal(t, []string{"c"}, list(cohort.LearningActionFilter{Network: "n1"}))
		require.Equal(t, []string{"b", "a"}, list(cohort.LearningActionFilter{Discussion: "d1"}))
		require.Equal(t, []string{"d"}, list(cohort.LearningActionFilter{Status: cohort.ActionDone}))
		require.Equal(t, []string{"b"}, list(cohort.LearningActionFilter{Stage: cohort.StagePlan}))
		require.Equal(t, []string{"a"}, list(cohort.LearningActionFilter{Org: "ngo-a", Cohort: "c1", Discussion: "d1", Status: cohort.ActionInProgress, Stage: cohort.StageStudy}))
		require.Empty(t, list(cohort.LearningActionFilter{Org: "ngo-9"}))
	},
}

// sampleSubmission returns a submission with every field set, submitted i
// minutes after base.
func sampleSubmission(id string, i int) cohort.Submission {
	return cohort.Submission{
		ID: cohort.SubmissionID(id), Cohort: "c1", Org: "ngo-a", Case: "case-1",
		Summary: casework.Summary{
			Reference: "case-1", AgeBand: casework.AgeBand6To11, Sex: casework.SexFemale, Languages: []string{"sw", "en"},
			Disabilities: []casework.Disability{casework.DisabilityPhysical}, Status: casework.StatusImplementation,
			Reopenings: 1, DaysSinceRegistration: 400, Risk: casework.RiskMedium,
			RiskHistory:  []casework.RiskStep{{Level: casework.RiskHigh, Day: 0}, {Level: casework.RiskMedium, Day: 90}},
			Arrangements: []casework.ArrangementSpan{{Type: casework.ArrangementKinship, FamilyBased: true, Days: 120, Current: true}},
			Household:    []casework.HouseholdRole{{Role: "the grandmother", Relationship: casework.RelGrandparent, Caregiver: true}},
			ChildStatus: []casework.CSIScores{{Month: 0, Total: 30, Domains: []casework.DomainScore{
				{Domain: casework.CSIDomainFoodNutrition, Score: 2.5}}}},
			HouseholdVulnerability: []casework.HVIScore{{Month: 1, Total: 20, Band: casework.BandLow}},
			Plans: []casework.PlanOutline{{Month: 1, Status: casework.PlanActive, Reviews: 2, Goals: []casework.GoalOutline{
				{Domain: casework.DomainSafety, Status: casework.GoalInProgress, Actions: map[casework.ActionStatus]int{casework.ActionDone: 2}}}}},
			Narrative: "Home visit, month 3: the grandmother «says» the child is doing well ✓",
		},
		Question:    "How do we prepare the school?",
		On:          day("2027-03-01"),
		SubmittedAt: base.Add(time.Duration(i) * time.Minute),
		CreatedAt:   base, UpdatedAt: base.Add(time.Minute),
	}
}

var submissions = kind[cohort.SubmissionID, cohort.Submission, cohort.SubmissionFilter]{
	store: func(st cohort.Stores) store[cohort.SubmissionID, cohort.Submission, cohort.SubmissionFilter] {
		if st.Submissions == nil {
			return nil
		}
		return st.Submissions
	},
	sample:  sampleSubmission,
	id:      func(s *cohort.Submission) cohort.SubmissionID { return s.ID },
	version: func(s *cohort.Submission) *int64 { return &s.Version },
	touch:   func(s *cohort.Submission) { s.Question = touchedName },
	touched: func(s *cohort.Submission) bool { return s.Question == touchedName },
	deep: func(s *cohort.Submission) {
		s.Summary.Languages[0] = "changed"
		s.Summary.RiskHistory[0].Day = 99
		s.Summary.Household[0].Role = "changed"
		s.Summary.ChildStatus[0].Domains[0].Score = 1
		s.Summary.Plans[0].Goals[0].Actions[casework.ActionDone] = 99
	},
	all: func(page homeward.PageRequest) cohort.SubmissionFilter { return cohort.SubmissionFilter{Page: page} },
	filters: func(t *testing.T, s store[cohort.SubmissionID, cohort.Submission, cohort.SubmissionFilter]) {
		ctx := t.Context()
		a := sampleSubmission("a", 2)
		b := sampleSubmission("b", 0)
		b.Org = "ngo-b"
		c := sampleSubmission("c", 1)
		c.Cohort = "c2"
		d := sampleSubmission("d", 2)
		d.WithdrawnAt, d.Summary, d.Question = base.Add(time.Hour), casework.Summary{}, ""
		for _, x := range []cohort.Submission{a, b, c, d} {
			_, err := s.Create(ctx, x)
			require.NoError(t, err)
		}
		list := lister(t, s, func(v *cohort.Submission) cohort.SubmissionID { return v.ID }, func(f *cohort.SubmissionFilter) *homeward.PageRequest { return &f.Page })
		require.Equal(t, []string{"b", "c", "a", "d"}, list(cohort.SubmissionFilter{}), "by time of submission, then id")
		require.Equal(t, []string{"b", "a", "d"}, list(cohort.SubmissionFilter{Cohort: "c1"}))
		require.Equal(t, []string{"b", "a"}, list(cohort.SubmissionFilter{Cohort: "c1", Active: true}))
		require.Equal(t, []string{"c", "a", "d"}, list(cohort.SubmissionFilter{Org: "ngo-a"}))
		require.Equal(t, []string{"a"}, list(cohort.SubmissionFilter{Cohort: "c1", Org: "ngo-a", Active: true}))
		require.Empty(t, list(cohort.SubmissionFilter{Cohort: "c9"}))
	},
}

// sampleDiscussion returns a concluded discussion with every field set,
// held i days after 2027-03-10.
func sampleDiscussion(id string, i int) cohort.Discussion {
	return cohort.Discussion{
		ID: cohort.DiscussionID(id), Cohort: "c1", Submission: "s1", Presenter: "ngo-a",
		Protocol: cohort.DefaultProtocolIn(language.Spanish), HeldOn: day("2027-03-10").AddDays(i),
		State: cohort.DiscussionConcluded,
		Contributions: []cohort.RoundContribution{
			{Round: cohort.RoundSituation, Org: "ngo-a", Text: "The grandmother — «tired»", At: base},
			{Round: cohort.RoundAdvice, Org: "ngo-b", Text: "Involve the school ✓", At: base.Add(time.Minute)},
		},
		Chosen:      []cohort.ChosenAction{{Description: "Meet the teacher", Stage: cohort.StagePlan, Due: day("2027-04-01")}},
		Actions:     []cohort.LearningActionID{"la-1"},
		ConcludedAt: base.Add(time.Hour),
		CreatedAt:   base, UpdatedAt: base.Add(time.Minute),
	}
}

var discussions = kind[cohort.DiscussionID, cohort.Discussion, cohort.DiscussionFilter]{
	store: func(st cohort.Stores) store[cohort.DiscussionID, cohort.Discussion, cohort.DiscussionFilter] {
		if st.Discussions == nil {
			return nil
		}
		return st.Discussions
	},
	sample:  sampleDiscussion,
	id:      func(d *cohort.Discussion) cohort.DiscussionID { return d.ID },
	version: func(d *cohort.Discussion) *int64 { return &d.Version },
	touch:   func(d *cohort.Discussion) { d.Presenter = "touched" },
	touched: func(d *cohort.Discussion) bool { return d.Presenter == "touched" },
	deep: func(d *cohort.Discussion) {
		d.Protocol.Rounds[0].Minutes = 1
		d.Contributions[0].Text = "changed"
		d.Chosen[0].Description = "changed"
		d.Actions[0] = "changed"
	},
	all: func(page homeward.PageRequest) cohort.DiscussionFilter { return cohort.DiscussionFilter{Page: page} },
	filters: func(t *testing.T, s store[cohort.DiscussionID, cohort.Discussion, cohort.DiscussionFilter]) {
		ctx := t.Context()
		a := sampleDiscussion("a", 5)
		b := sampleDiscussion("b", 0)
		b.Submission, b.Presenter = "s2", "ngo-b"
		c := sampleDiscussion("c", 5)
		c.Cohort, c.Submission = "c2", "s3"
		d := sampleDiscussion("d", 1)
		d.State, d.Chosen, d.Actions, d.ConcludedAt = cohort.DiscussionOpen, nil, nil, time.Time{}
		for _, x := range []cohort.Discussion{a, b, c, d} {
			_, err := s.Create(ctx, x)
			require.NoError(t, err)
		}
		list := lister(t, s, func(v *cohort.Discussion) cohort.DiscussionID { return v.ID }, func(f *cohort.DiscussionFilter) *homeward.PageRequest { return &f.Page })
		require.Equal(t, []string{"b", "d", "a", "c"}, list(cohort.DiscussionFilter{}), "by day held, then id")
		require.Equal(t, []string{"b", "d", "a"}, list(cohort.DiscussionFilter{Cohort: "c1"}))
		require.Equal(t, []string{"d", "a"}, list(cohort.DiscussionFilter{Submission: "s1"}))
		require.Equal(t, []string{"b"}, list(cohort.DiscussionFilter{Presenter: "ngo-b"}))
		require.Equal(t, []string{"d"}, list(cohort.DiscussionFilter{State: cohort.DiscussionOpen}))
		require.Equal(t, []string{"a"}, list(cohort.DiscussionFilter{Cohort: "c1", Submission: "s1", Presenter: "ngo-a", State: cohort.DiscussionConcluded}))
		require.Empty(t, list(cohort.DiscussionFilter{Cohort: "c9"}))
	},
}
