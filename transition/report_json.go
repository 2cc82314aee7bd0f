package transition

import (
	"encoding/json"
)

type progressJSONOut struct {
	Before    *Result          `json:"before"`
	After     *Result          `json:"after"`
	Overall   changeJSON       `json:"overall"`
	Areas     []areaChangeJSON `json:"areas"`
	Improved  []itemChangeJSON `json:"improved"`
	Regressed []itemChangeJSON `json:"regressed"`
}

type changeJSON struct {
	Before      *json.Number `json:"before"`
	After       *json.Number `json:"after"`
	Delta       *json.Number `json:"delta"`
	LevelBefore *Level       `json:"level_before"`
	LevelAfter  *Level       `json:"level_after"`
}

type areaChangeJSON struct {
	ID string `json:"id"`
	changeJSON
}

type itemChangeJSON struct {
	Item     string `json:"item"`
	Area     string `json:"area"`
	From     Status `json:"from"`
	To       Status `json:"to"`
	Critical bool   `json:"critical"`
}

func levelOrNull(l Level) *Level {
	if l == "" {
		return nil
	}
	return &l
}

func toChangeJSON(c Change) changeJSON {
	return changeJSON{
		Before: number(c.Before, c.BeforeScored), After: number(c.After, c.AfterScored), Delta: number(c.Delta, c.HasDelta),
		LevelBefore: levelOrNull(c.LevelBefore), LevelAfter: levelOrNull(c.LevelAfter),
	}
}

func itemChangesJSON(in []ItemChange) []itemChangeJSON {
	out := make([]itemChangeJSON, len(in))
	for i, ic := range in {
		out[i] = itemChangeJSON{Item: ic.Item, Area: ic.Area, From: ic.From, To: ic.To, Critical: ic.Critical}
	}
	return out
}

// progressJSON writes the progress shape documented at [WriteProgress].
func progressJSON(p *Progress) ([]byte, error) {
	out := progressJSONOut{
		Before: p.Before, After: p.After, Overall: toChangeJSON(p.Overall),
		Areas:     make([]areaChangeJSON, len(p.Areas)),
		Improved:  itemChangesJSON(p.Improved),
		Regressed: itemChangesJSON(p.Regressed),
	}
	for i, a := range p.Areas {
		out.Areas[i] = areaChangeJSON{ID: a.ID, changeJSON: toChangeJSON(a.Change)}
	}
	return json.Marshal(out)
}
