package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/casework"
	"github.com/homewardkit/homeward/monitoring"
	"github.com/homewardkit/homeward/sqlstore"
	"github.com/homewardkit/homeward/transition"
)

func demoCommand() *command {
	return &command{
		name:     "demo",
		synopsis: "demo [--db DSN] [--lang TAG]",
		summary:  "a guided run: readiness, a child's way home, follow-up, indicators, a learning series",
		about: `A guided run of Homeward. An example organisation, Hope Kenya, is assessed
twice with the standard checklist, six months apart (both reports, the
progress between them, and the history read back from the database). Then a
girl's case moves from the children's home to her grandmother through the
steps of case management; her follow-up visits are scheduled and the morning
worklist is shown; Hope Kenya brings her case, de-identified, to a Mutual
Learning series of ten organisations; and the quarter's indicators close the
run. Every record is stored in the database.

By default the database is a new SQLite file in a new temporary folder,
whose path is printed so that you can open it afterwards; --db names another
database: a SQLite file path, ":memory:", or a postgres:// URL.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			db := fs.String("db", "", "store the records in the database `DSN` (default: a new SQLite file in a temporary folder)")
			lang := fs.String("lang", "", "write the reports in the language `TAG` (BCP 47: en, nl, es, ...; default en)")
			return func(e *env) int { return runDemo(e, *db, *lang) }
		},
	}
}

// The demo's organisation and the staff member who records its assessments.
const (
	demoOrg   homeward.OrgID   = "hope-kenya"
	demoActor homeward.ActorID = "staff.wanjiru"
)

// demo is the state the demo's steps share.
type demo struct {
	ctx       context.Context // carries the acting staff member
	out       io.Writer
	lang      language.Tag
	db        *sqlstore.DB
	svc       *transition.Service
	checklist *transition.Checklist
	// first and second are the two recorded assessments.
	first, second transition.Assessment

	// The casework and monitoring sections: their services, on a clock of
	// the story's own, and the child whose case they follow.
	clock *demoClock
	cw    *casework.Service
	mon   *monitoring.Service
	child casework.Case
}

// demoStep is one section of the guided run. Later parts of Homeward
// (casework, monitoring, cohorts) add their sections to demoSteps.
type demoStep struct {
	title string
	run   func(d *demo) error
}

func demoSteps() []demoStep {
	return []demoStep{
		{"First assessment, January 2027", (*demo).firstAssessment},
		{"Second assessment, six months later", (*demo).secondAssessment},
		{"Progress between the two", (*demo).progress},
		{"History, read back from the database", (*demo).history},
		{"A child's way home: from the children's home to her grandmother", (*demo).reintegration},
		{"The morning worklist", (*demo).worklist},
		{"Learning together: a Mutual Learning series", (*demo).learningSeries},
		{"Indicators for the first quarter", (*demo).indicators},
	}
}

func runDemo(e *env, dsn, langFlag string) int {
	tag, err := parseLang(langFlag)
	if err != nil {
		return e.usageError("%v", err)
	}
	if tag == language.Und {
		tag = language.English
	}
	where := ""
	if dsn == "" {
		dir, err := os.MkdirTemp("", "homeward-demo-")
		if err != nil {
			return e.failf("create a folder for the demo database: %v", err)
		}
		dsn = filepath.Join(dir, "homeward-demo.db")
		where = dsn
	}
	db, err := sqlstore.Open(e.ctx, dsn)
	if err != nil {
		return e.failf("open database %s: %v", redactDSN(dsn), err)
	}
	defer db.Close()
	svc, err := transition.NewService(db.Assessments(), &transition.Options{Audit: db.Audit()})
	if err != nil {
		return e.failf("%v", err)
	}
	d := &demo{
		ctx:       homeward.WithActor(e.ctx, homeward.Actor{ID: demoActor, Org: demoOrg, Role: homeward.RoleStaff}),
		out:       e.stdout,
		lang:      tag,
		db:        db,
		svc:       svc,
		checklist: transition.Standard(),
	}
	fmt.Fprintf(d.out, `Homeward demo
=============

Hope Kenya runs a children's home and is moving its children into family- and
community-based care. Its staff assess the organisation's readiness with the
standard checklist (%d areas), and again six months later.

Database: %s
`, len(d.checklist.Areas), redactDSN(dsn))
	for i, s := range demoSteps() {
		fmt.Fprintf(d.out, "\n%d. %s\n%s\n\n", i+1, s.title, strings.Repeat("-", len(s.title)+3))
		if err := s.run(d); err != nil {
			return e.failf("%s: %v", strings.ToLower(s.title[:1])+s.title[1:], err)
		}
	}
	if where != "" {
		fmt.Fprintf(d.out, "\nThe records stay in %s (a SQLite database): open it with any SQLite tool,\nor run \"homeward demo --db %s\" to add to it.\n", where, where)
	}
	return exitOK
}

// redactDSN hides a password in a database URL.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}

// record stores an assessment of the demo organisation and prints its report.
func (d *demo) record(date string, answers map[string]transition.Answer) (transition.Assessment, error) {
	a, err := d.svc.Record(d.ctx, transition.Assessment{
		Org:              demoOrg,
		Checklist:        d.checklist.ID,
		ChecklistVersion: d.checklist.Version,
		Date:             homeward.MustParseDate(date),
		Assessor:         string(demoActor),
		Answers:          answers,
	})
	if err != nil {
		return a, err
	}
	r, err := d.svc.Evaluate(d.ctx, a.ID)
	if err != nil {
		return a, err
	}
	fmt.Fprintf(d.out, "\nRecorded assessment %s of %s.\n\n", a.ID, a.Date)
	return a, transition.WriteResult(d.out, d.checklist, r, transition.ReportOptions{Language: d.lang, Format: transition.FormatText})
}

func (d *demo) firstAssessment() error {
	fmt.Fprintln(d.out, "The local partner backs the transition, but most of the work has yet to start,\nand there is no follow-up or aftercare for children placed in families.")
	a, err := d.record("2027-01-15", demoAnswers(firstAnswers))
	d.first = a
	return err
}

func (d *demo) secondAssessment() error {
	fmt.Fprintln(d.out, "Social workers are trained, families are supported and a follow-up system is\nin place; the government's new district officer has been harder to reach.")
	a, err := d.record("2027-07-15", demoAnswers(secondAnswers))
	d.second = a
	return err
}

func (d *demo) progress() error {
	p, err := d.svc.Progress(d.ctx, d.first.ID, d.second.ID)
	if err != nil {
		return err
	}
	return transition.WriteProgress(d.out, d.checklist, p, transition.ReportOptions{Language: d.lang, Format: transition.FormatText})
}

func (d *demo) history() error {
	fmt.Fprintf(d.out, "Assessments of %s in the database, in date order:\n\n", demoOrg)
	f := transition.Filter{Org: demoOrg, Checklist: d.checklist.ID}
	for {
		page, err := d.svc.History(d.ctx, f)
		if err != nil {
			return err
		}
		for _, a := range page.Items {
			sc, err := d.svc.Scorer(a.Checklist, a.ChecklistVersion)
			if err != nil {
				return err
			}
			r, err := sc.Evaluate(&a)
			if err != nil {
				return err
			}
			score := "-"
			if r.Scored {
				score = r.Score.StringFixed(1)
			}
			fmt.Fprintf(d.out, "  %s  %s  score %5s  %-12s  version %d, recorded by %s\n", a.Date, a.ID, score, r.Level, a.Version, a.Assessor)
		}
		if page.Next == "" {
			break
		}
		f.Page.Cursor = page.Next
	}
	return d.auditTrail()
}

// auditTrail prints the audit events the service recorded for the
// organisation's assessments: who changed which record and when, never the
// answers themselves.
func (d *demo) auditTrail() error {
	fmt.Fprintf(d.out, "\nAudit trail of %s's assessments (who recorded what, and when):\n\n", demoOrg)
	f := sqlstore.AuditFilter{Org: demoOrg, Kind: "assessment"}
	for {
		page, err := d.db.Audit().List(d.ctx, f)
		if err != nil {
			return err
		}
		for _, ev := range page.Items {
			fmt.Fprintf(d.out, "  %s  %s: %s %s %s\n", ev.Time.Format("2006-01-02 15:04:05Z"), ev.Actor, ev.Action, ev.Kind, ev.RecordID)
		}
		if page.Next == "" {
			return nil
		}
		f.Page.Cursor = page.Next
	}
}

// demoAnswer is an answer in the tables below: a status with evidence.
type demoAnswer struct {
	status   transition.Status
	evidence string
}

const (
	met        = transition.StatusMet
	inProgress = transition.StatusInProgress
	notStarted = transition.StatusNotStarted
)

func demoAnswers(m map[string]demoAnswer) map[string]transition.Answer {
	out := make(map[string]transition.Answer, len(m))
	for id, a := range m {
		out[id] = transition.Answer{Status: a.status, Evidence: a.evidence}
	}
	return out
}

// firstAnswers: the board has decided, little else has started.
var firstAnswers = map[string]demoAnswer{
	"local_partner.backs_transition":           {met, "Board decision of November 2026"},
	"local_partner.cultural_religious_reasons": {inProgress, ""},
	"local_partner.capacity":                   {inProgress, ""},
	"local_partner.capacity_building":          {notStarted, ""},
	"local_partner.not_dependent":              {notStarted, ""},
	"local_partner.runs_programme":             {inProgress, ""},
	"care_team.professional_social_workers":    {inProgress, "Two of five posts filled"},
	"care_team.training":                       {notStarted, ""},
	"care_team.trauma_and_self_reliance":       {notStarted, ""},
	"care_team.motivation_coaching":            {inProgress, ""},
	"tailoring.approach_described":             {inProgress, "Draft transition plan"},
	"tailoring.tailored_per_family":            {notStarted, ""},
	"tailoring.family_strengthening":           {notStarted, ""},
	"tailoring.learning_and_work":              {notStarted, ""},
	"tailoring.avoid_dependence":               {notStarted, ""},
	"tailoring.case_team":                      {inProgress, ""},
	"tailoring.follow_up_aftercare":            {notStarted, ""},
	"tailoring.monitoring_evaluation":          {notStarted, ""},
	"government.no_takeover":                   {met, ""},
	"government.dialogue_lobbying":             {inProgress, ""},
	"government.agencies_involved":             {notStarted, ""},
	"government.local_partner_leads":           {notStarted, ""},
	"government.seek_openings":                 {inProgress, ""},
	"network.organisations_involved":           {inProgress, ""},
	"network.reuse_resources":                  {notStarted, ""},
	"network.collaboration":                    {notStarted, ""},
}

// secondAnswers: six months on, most points are met.
var secondAnswers = map[string]demoAnswer{
	"local_partner.backs_transition":           {met, "Board decision of November 2026"},
	"local_partner.cultural_religious_reasons": {met, "Meetings with church leaders, March 2027"},
	"local_partner.capacity":                   {met, ""},
	"local_partner.capacity_building":          {met, ""},
	"local_partner.not_dependent":              {inProgress, "Local funding now 40% of the budget"},
	"local_partner.runs_programme":             {met, ""},
	"care_team.professional_social_workers":    {met, "Five registered social workers"},
	"care_team.training":                       {met, ""},
	"care_team.trauma_and_self_reliance":       {met, ""},
	"care_team.motivation_coaching":            {met, ""},
	"tailoring.approach_described":             {met, "Transition plan, version 2"},
	"tailoring.tailored_per_family":            {met, ""},
	"tailoring.family_strengthening":           {met, ""},
	"tailoring.learning_and_work":              {inProgress, ""},
	"tailoring.avoid_dependence":               {inProgress, ""},
	"tailoring.case_team":                      {met, ""},
	"tailoring.follow_up_aftercare":            {met, "Visit schedule for every placed child"},
	"tailoring.monitoring_evaluation":          {met, ""},
	"government.no_takeover":                   {met, ""},
	"government.dialogue_lobbying":             {met, ""},
	"government.agencies_involved":             {met, ""},
	"government.local_partner_leads":           {inProgress, ""},
	"government.seek_openings":                 {notStarted, ""},
	"network.organisations_involved":           {met, ""},
	"network.reuse_resources":                  {met, ""},
	"network.collaboration":                    {inProgress, ""},
}
