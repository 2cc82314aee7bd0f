package transition

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/jsonx"
)

// Text is a text in several languages, keyed by BCP 47 tag ("en", "nl",
// "es", "es-MX").
type Text map[string]string

// In returns the text in the language nearest to tag among those present;
// when none is near, the text in fallback (the checklist's default
// language); failing that, any text present.
func (t Text) In(tag language.Tag, fallback string) string {
	if s := t[tag.String()]; s != "" {
		return s
	}
	var keys []string
	var tags []language.Tag
	for _, k := range sortedKeys(t) {
		if p, err := language.Parse(k); err == nil && t[k] != "" {
			keys, tags = append(keys, k), append(tags, p)
		}
	}
	if len(tags) > 0 {
		if _, i, conf := language.NewMatcher(tags).Match(tag); conf != language.No {
			return t[keys[i]]
		}
	}
	if s := t[fallback]; s != "" {
		return s
	}
	for _, k := range sortedKeys(t) {
		if t[k] != "" {
			return t[k]
		}
	}
	return ""
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Default thresholds of a checklist, in points of 100.
var (
	DefaultPartlyReady = decimal.NewFromInt(50)
	DefaultReady       = decimal.NewFromInt(80)
)

// Thresholds turn a score into a level: below PartlyReady is not ready,
// below Ready is partly ready, otherwise ready. They must satisfy
// 0 < PartlyReady < Ready <= 100. A zero value means its default (50 for
// PartlyReady, 80 for Ready).
type Thresholds struct {
	PartlyReady decimal.Decimal
	Ready       decimal.Decimal
}

// Effective returns the thresholds with defaults filled in: a zero
// PartlyReady means 50 and a zero Ready means 80.
func (t Thresholds) Effective() Thresholds {
	if t.PartlyReady.IsZero() {
		t.PartlyReady = DefaultPartlyReady
	}
	if t.Ready.IsZero() {
		t.Ready = DefaultReady
	}
	return t
}

// Level returns the level of a reported score.
func (t Thresholds) Level(score decimal.Decimal) Level {
	t = t.Effective()
	switch {
	case score.LessThan(t.PartlyReady):
		return LevelNotReady
	case score.LessThan(t.Ready):
		return LevelPartlyReady
	}
	return LevelReady
}

// Checklist is a transition-readiness checklist: areas of items, each item a
// point an organisation answers as met, in progress, not started or not
// applicable. Build one in Go, read one with [ParseChecklist], or start from
// [Standard].
type Checklist struct {
	// ID names the checklist; it matches ^[a-z0-9][a-z0-9._-]*$.
	ID string
	// Version distinguishes revisions; assessments name the version they
	// answer.
	Version string
	// DefaultLanguage is the BCP 47 tag in which every text must exist.
	DefaultLanguage string
	Title           Text
	Thresholds      Thresholds
	Areas           []Area
}

// Area is a group of items with a weight in the overall score.
type Area struct {
	ID    string
	Title Text
	// Weight is the area's weight in the overall score; zero means 1.
	Weight decimal.Decimal
	Items  []Item
}

// Item is one point of the checklist.
type Item struct {
	// ID is unique in the whole checklist.
	ID       string
	Text     Text
	Guidance Text
	// Weight is the item's weight in its area's score; zero means 1.
	Weight decimal.Decimal
	// Critical items cap their area at partly ready while not met.
	Critical bool
}

var one = decimal.NewFromInt(1)

// EffectiveWeight returns the area's weight, 1 when unset.
func (a Area) EffectiveWeight() decimal.Decimal { return weightOr1(a.Weight) }

// EffectiveWeight returns the item's weight, 1 when unset.
func (it Item) EffectiveWeight() decimal.Decimal { return weightOr1(it.Weight) }

func weightOr1(w decimal.Decimal) decimal.Decimal {
	if w.IsZero() {
		return one
	}
	return w
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

func (c *Checklist) itemCount() int {
	n := 0
	for _, a := range c.Areas {
		n += len(a.Items)
	}
	return n
}

// Item returns the item with the given id and the index of its area.
func (c *Checklist) Item(id string) (Item, int, bool) {
	for ai, a := range c.Areas {
		for _, it := range a.Items {
			if it.ID == id {
				return it, ai, true
			}
		}
	}
	return Item{}, -1, false
}

// TitleIn returns the title in the language nearest to tag.
func (c *Checklist) TitleIn(tag language.Tag) string { return c.Title.In(tag, c.DefaultLanguage) }

// Validate reports every problem of the definition at once, each with its
// path: bad or duplicate ids, empty areas, weights <= 0 (or above 1000, or
// with more than six decimal places), thresholds outside
// 0 < partly_ready < ready <= 100, texts missing in the default language,
// language keys that are not BCP 47 tags.
func (c *Checklist) Validate() error {
	var v homeward.ValidationError
	c.validate(&v)
	return v.Err()
}

func (c *Checklist) validate(v *homeward.ValidationError) {
	checkID(v, "id", c.ID)
	if c.Version == "" {
		v.Add("version", "is required")
	}
	defaultLang := c.DefaultLanguage
	if defaultLang == "" {
		v.Add("default_language", "is required")
	} else if _, err := language.Parse(defaultLang); err != nil {
		v.Add("default_language", "%q is not a BCP 47 language tag", defaultLang)
		defaultLang = ""
	}
	checkText(v, "title", c.Title, defaultLang, true)
	th := c.Thresholds.Effective()
	hundred := decimal.NewFromInt(100)
	if !th.PartlyReady.IsPositive() || !th.PartlyReady.LessThan(th.Ready) || th.Ready.GreaterThan(hundred) {
		v.Add("thresholds", "must satisfy 0 < partly_ready < ready <= 100 (have partly_ready %s, ready %s)", th.PartlyReady, th.Ready)
	}
	if len(c.Areas) == 0 {
		v.Add("areas", "must have at least one area")
	}
	if n := c.itemCount(); n > maxItems {
		v.Add("areas", "a checklist has at most %d items (have %d)", maxItems, n)
	}
	areaIDs := make(map[string]string)
	itemIDs := make(map[string]string)
	for ai, a := range c.Areas {
		ap := fmt.Sprintf("areas[%d]", ai)
		checkID(v, ap+".id", a.ID)
		if first, dup := areaIDs[a.ID]; dup && a.ID != "" {
			v.Add(ap+".id", "duplicate area id %q (first at %s)", a.ID, first)
		} else {
			areaIDs[a.ID] = ap
		}
		checkText(v, ap+".title", a.Title, defaultLang, true)
		checkWeight(v, ap+".weight", a.Weight)
		if len(a.Items) == 0 {
			v.Add(ap+".items", "an area must have at least one item")
		}
		for ii, it := range a.Items {
			ip := fmt.Sprintf("%s.items[%d]", ap, ii)
			checkID(v, ip+".id", it.ID)
			if first, dup := itemIDs[it.ID]; dup && it.ID != "" {
				v.Add(ip+".id", "duplicate item id %q (first at %s)", it.ID, first)
			} else {
				itemIDs[it.ID] = ip
			}
			checkText(v, ip+".text", it.Text, defaultLang, true)
			checkText(v, ip+".guidance", it.Guidance, defaultLang, false)
			checkWeight(v, ip+".weight", it.Weight)
		}
	}
}

func checkID(v *homeward.ValidationError, path, id string) {
	switch {
	case id == "":
		v.Add(path, "is required")
	case !idPattern.MatchString(id):
		v.Add(path, "%q must match ^[a-z0-9][a-z0-9._-]*$", id)
	}
}

// checkWeight checks a weight set in Go (zero means the default, 1):
// greater than 0, at most 1000, at most six decimal places, so that the
// scorer's sums are exact.
func checkWeight(v *homeward.ValidationError, path string, w decimal.Decimal) {
	switch {
	case w.IsNegative():
		v.Add(path, "must be greater than 0 (have %s)", w)
	case w.GreaterThan(maxWeight) || !w.Equal(w.Truncate(weightPlaces)):
		v.Add(path, "must be at most 1000 with at most 6 decimal places (have %s)", w)
	}
}

func checkText(v *homeward.ValidationError, path string, t Text, defaultLang string, required bool) {
	for _, k := range sortedKeys(t) {
		if _, err := language.Parse(k); err != nil {
			v.Add(path+"."+k, "%q is not a BCP 47 language tag", k)
		}
	}
	if !required && len(t) == 0 {
		return
	}
	if defaultLang != "" && t[defaultLang] == "" {
		v.Add(path+"."+defaultLang, "is missing in the default language %q", defaultLang)
	}
}

// ParseChecklist reads a checklist definition from JSON and validates it.
// Every problem is reported at once, each naming its path, including unknown
// fields and explicit weights <= 0.
func ParseChecklist(data []byte) (*Checklist, error) {
	val, err := jsonx.Decode(data)
	if err != nil {
		return nil, homeward.Invalid("", "%v", err)
	}
	var v homeward.ValidationError
	c := checklistFromJSON(val, &v)
	if c != nil {
		c.validate(&v)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

func checklistFromJSON(val any, v *homeward.ValidationError) *Checklist {
	o := jsonx.AsObject(val, "", v)
	if o == nil {
		return nil
	}
	c := &Checklist{
		ID:              o.String("id"),
		Version:         o.String("version"),
		DefaultLanguage: o.String("default_language"),
		Title:           o.StringMap("title"),
	}
	if th := o.Object("thresholds"); th != nil {
		for _, key := range []string{"partly_ready", "ready"} {
			d, ok := th.Decimal(key)
			if ok && !d.IsPositive() {
				v.Add(th.Path(key), "must be greater than 0 (have %s)", d)
			}
			if key == "ready" {
				c.Thresholds.Ready = d
			} else {
				c.Thresholds.PartlyReady = d
			}
		}
		th.Done()
	}
	for ai, av := range o.Array("areas") {
		ap := jsonx.Index("areas", ai)
		ao := jsonx.AsObject(av, ap, v)
		if ao == nil {
			continue
		}
		a := Area{ID: ao.String("id"), Title: ao.StringMap("title"), Weight: readWeight(ao, v)}
		items := ao.Array("items")
		if items == nil && !ao.Has("items") {
			items = []any{}
		}
		for ii, iv := range items {
			io := jsonx.AsObject(iv, jsonx.Index(ap+".items", ii), v)
			if io == nil {
				continue
			}
			a.Items = append(a.Items, Item{
				ID:       io.String("id"),
				Text:     io.StringMap("text"),
				Guidance: io.StringMap("guidance"),
				Weight:   readWeight(io, v),
				Critical: io.Bool("critical"),
			})
			io.Done()
		}
		c.Areas = append(c.Areas, a)
		ao.Done()
	}
	o.Done()
	return c
}

// readWeight reads an optional weight; an explicit value must be > 0.
func readWeight(o *jsonx.Object, v *homeward.ValidationError) decimal.Decimal {
	w, ok := o.Decimal("weight")
	if ok && !w.IsPositive() {
		v.Add(o.Path("weight"), "must be greater than 0 (have %s)", w)
		return decimal.Decimal{}
	}
	return w // the other limits are checked by Validate
}

// UnmarshalJSON reads the definition format of [ParseChecklist], including
// its validation.
func (c *Checklist) UnmarshalJSON(data []byte) error {
	parsed, err := ParseChecklist(data)
	if err != nil {
		return err
	}
	*c = *parsed
	return nil
}

type checklistJSON struct {
	ID              string         `json:"id"`
	Version         string         `json:"version"`
	DefaultLanguage string         `json:"default_language"`
	Title           Text           `json:"title"`
	Thresholds      thresholdsJSON `json:"thresholds"`
	Areas           []areaJSON     `json:"areas"`
}

type thresholdsJSON struct {
	PartlyReady json.Number `json:"partly_ready"`
	Ready       json.Number `json:"ready"`
}

type areaJSON struct {
	ID     string      `json:"id"`
	Title  Text        `json:"title"`
	Weight json.Number `json:"weight"`
	Items  []itemJSON  `json:"items"`
}

type itemJSON struct {
	ID       string      `json:"id"`
	Text     Text        `json:"text"`
	Guidance Text        `json:"guidance,omitempty"`
	Weight   json.Number `json:"weight"`
	Critical bool        `json:"critical"`
}

// MarshalJSON writes the definition format, with defaults written out
// (weights 1, thresholds 50 and 80), so the output documents itself.
func (c Checklist) MarshalJSON() ([]byte, error) {
	th := c.Thresholds.Effective()
	out := checklistJSON{
		ID: c.ID, Version: c.Version, DefaultLanguage: c.DefaultLanguage, Title: c.Title,
		Thresholds: thresholdsJSON{PartlyReady: json.Number(th.PartlyReady.String()), Ready: json.Number(th.Ready.String())},
		Areas:      make([]areaJSON, len(c.Areas)),
	}
	for ai, a := range c.Areas {
		aj := areaJSON{ID: a.ID, Title: a.Title, Weight: json.Number(a.EffectiveWeight().String()), Items: make([]itemJSON, len(a.Items))}
		for ii, it := range a.Items {
			aj.Items[ii] = itemJSON{ID: it.ID, Text: it.Text, Guidance: it.Guidance, Weight: json.Number(it.EffectiveWeight().String()), Critical: it.Critical}
		}
		out.Areas[ai] = aj
	}
	return json.Marshal(out)
}

// Clone returns a deep copy of c.
func (c *Checklist) Clone() *Checklist {
	out := *c
	out.Title = cloneText(c.Title)
	out.Areas = make([]Area, len(c.Areas))
	for ai, a := range c.Areas {
		a.Title = cloneText(a.Title)
		items := make([]Item, len(a.Items))
		for ii, it := range a.Items {
			it.Text = cloneText(it.Text)
			it.Guidance = cloneText(it.Guidance)
			items[ii] = it
		}
		a.Items = items
		out.Areas[ai] = a
	}
	return &out
}

func cloneText(t Text) Text {
	if t == nil {
		return nil
	}
	out := make(Text, len(t))
	for k, s := range t {
		out[k] = s
	}
	return out
}
