package cohort

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/i18n"
)

// Round is one step of a case discussion, with its time box.
type Round struct {
	// ID identifies the round within its protocol ("analysis").
	ID    string `json:"id"`
	Title string `json:"title"`
	// Minutes is the time box, 1 to 240 minutes.
	Minutes int `json:"minutes"`
	// Guidance says what happens in the round.
	Guidance string `json:"guidance,omitempty"`
}

// Protocol is how a case discussion runs: its rounds, in order, each with
// a time box. A protocol is data, so a programme can bring its own; the
// default is [DefaultProtocol], the incident method.
type Protocol struct {
	Name   string  `json:"name"`
	Rounds []Round `json:"rounds"`
}

// MaxRoundMinutes is the longest time box of a round.
const MaxRoundMinutes = 240

// Validate checks the protocol: a name, at least one round, and for each
// round an id unique in the protocol, a title and a time box of 1 to 240
// minutes.
func (p *Protocol) Validate() error {
	var v homeward.ValidationError
	if blank(p.Name) {
		v.Add("name", "is required")
	}
	if len(p.Rounds) == 0 {
		v.Add("rounds", "the protocol has no rounds: a discussion needs at least one round")
	}
	seen := map[string]bool{}
	for i, r := range p.Rounds {
		path := fmt.Sprintf("rounds[%d]", i)
		switch {
		case blank(r.ID):
			v.Add(path+".id", "is required")
		case seen[r.ID]:
			v.Add(path+".id", "round %q is listed twice: round ids are unique", r.ID)
		}
		seen[r.ID] = true
		if blank(r.Title) {
			v.Add(path+".title", "is required")
		}
		if r.Minutes < 1 || r.Minutes > MaxRoundMinutes {
			v.Add(path+".minutes", "must be between 1 and %d", MaxRoundMinutes)
		}
	}
	return v.Err()
}

// Minutes returns the total of the rounds' time boxes.
func (p *Protocol) Minutes() int {
	n := 0
	for _, r := range p.Rounds {
		n += r.Minutes
	}
	return n
}

// Round returns the round with the given id.
func (p *Protocol) Round(id string) (Round, bool) {
	for _, r := range p.Rounds {
		if r.ID == id {
			return r, true
		}
	}
	return Round{}, false
}

// Clone returns a deep copy of p.
func (p Protocol) Clone() Protocol {
	p.Rounds = append([]Round(nil), p.Rounds...)
	return p
}

// The round ids of the incident method ([DefaultProtocol]).
const (
	RoundChoose     = "choose"     // choose the case
	RoundSituation  = "situation"  // the presenter states the situation and the question
	RoundQuestions  = "questions"  // information questions
	RoundAnalysis   = "analysis"   // analysis
	RoundAdvice     = "advice"     // each participant's view and advice
	RoundReflection = "reflection" // the presenter's reflection and chosen actions
	RoundEvaluation = "evaluation" // evaluation of the case and of the discussion
)

// DefaultProtocol returns the incident method (Hendriksen) for a
// two-hour session, in English: choose the case (10 minutes); the
// presenter states the situation and the question (15); information
// questions (20); analysis (20); each participant's view and advice (30);
// the presenter's reflection and chosen actions (15); evaluation (10). The
// time boxes add up to 120 minutes, the length of a Mutual Learning
// session.
func DefaultProtocol() Protocol { return DefaultProtocolIn(language.English) }

// DefaultProtocolIn returns [DefaultProtocol] with its name, titles and
// guidance in the supported language nearest to lang (English, Dutch or
// Spanish). The round ids and time boxes are the same in every language.
func DefaultProtocolIn(lang language.Tag) Protocol {
	p := protocolCatalog.Printer(lang)
	rounds := []Round{
		{ID: RoundChoose, Minutes: 10, Title: "Choose the case",
			Guidance: "The group chooses the case to discuss from the cases submitted."},
		{ID: RoundSituation, Minutes: 15, Title: "Situation and question",
			Guidance: "The presenter describes the situation and states the question for the group."},
		{ID: RoundQuestions, Minutes: 20, Title: "Information questions",
			Guidance: "Participants ask questions to understand the situation; no advice yet."},
		{ID: RoundAnalysis, Minutes: 20, Title: "Analysis",
			Guidance: "The group analyses what is going on and what the core of the question is."},
		{ID: RoundAdvice, Minutes: 30, Title: "Views and advice",
			Guidance: "Each participant in turn gives a view and an advice; the presenter listens."},
		{ID: RoundReflection, Minutes: 15, Title: "Reflection and chosen actions",
			Guidance: "The presenter reflects on what was said and chooses the actions to take."},
		{ID: RoundEvaluation, Minutes: 10, Title: "Evaluation",
			Guidance: "The group looks back on the discussion: what did we learn, how did it go?"},
	}
	for i := range rounds {
		rounds[i].Title = p.Sprintf(rounds[i].Title)
		rounds[i].Guidance = p.Sprintf(rounds[i].Guidance)
	}
	return Protocol{Name: p.Sprintf("Incident method (Hendriksen)"), Rounds: rounds}
}

var protocolMessages = []i18n.Texts{
	{En: "Incident method (Hendriksen)", Nl: "Incidentmethode (Hendriksen)", Es: "Método del incidente (Hendriksen)"},
	{En: "Choose the case", Nl: "Casus kiezen", Es: "Elegir el caso"},
	{En: "The group chooses the case to discuss from the cases submitted.",
		Nl: "De groep kiest uit de ingebrachte casussen de casus die besproken wordt.",
		Es: "El grupo elige, entre los casos presentados, el caso que se discutirá."},
	{En: "Situation and question", Nl: "Situatie en vraag", Es: "Situación y pregunta"},
	{En: "The presenter describes the situation and states the question for the group.",
		Nl: "De inbrenger beschrijft de situatie en stelt de vraag aan de groep.",
		Es: "Quien presenta describe la situación y plantea la pregunta al grupo."},
	{En: "Information questions", Nl: "Informatievragen", Es: "Preguntas de información"},
	{En: "Participants ask questions to understand the situation; no advice yet.",
		Nl: "De deelnemers stellen vragen om de situatie te begrijpen; nog geen adviezen.",
		Es: "Los participantes hacen preguntas para entender la situación; todavía sin consejos."},
	{En: "Analysis", Nl: "Analyse", Es: "Análisis"},
	{En: "The group analyses what is going on and what the core of the question is.",
		Nl: "De groep analyseert wat er speelt en wat de kern van de vraag is.",
		Es: "El grupo analiza qué está pasando y cuál es el núcleo de la pregunta."},
	{En: "Views and advice", Nl: "Visies en adviezen", Es: "Opiniones y consejos"},
	{En: "Each participant in turn gives a view and an advice; the presenter listens.",
		Nl: "Elke deelnemer geeft om de beurt een visie en een advies; de inbrenger luistert.",
		Es: "Cada participante, por turno, da su opinión y un consejo; quien presenta escucha."},
	{En: "Reflection and chosen actions", Nl: "Reflectie en gekozen acties", Es: "Reflexión y acciones elegidas"},
	{En: "The presenter reflects on what was said and chooses the actions to take.",
		Nl: "De inbrenger reflecteert op wat gezegd is en kiest de acties die hij of zij onderneemt.",
		Es: "Quien presenta reflexiona sobre lo dicho y elige las acciones que emprenderá."},
	{En: "Evaluation", Nl: "Evaluatie", Es: "Evaluación"},
	{En: "The group looks back on the discussion: what did we learn, how did it go?",
		Nl: "De groep blikt terug op de bespreking: wat hebben we geleerd, hoe ging het?",
		Es: "El grupo mira hacia atrás: ¿qué aprendimos y cómo fue la discusión?"},
}

var protocolCatalog = i18n.New(protocolMessages)
