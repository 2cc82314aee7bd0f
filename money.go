package homeward

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Money is an exact amount in one ISO 4217 currency. Amounts in different
// currencies are never added together: [Money.Add] fails and [Totals] keeps
// one total per currency.
type Money struct {
	Amount   decimal.Decimal
	Currency currency.Unit
}

// NewMoney returns amount (a decimal string such as "1250.50") in the
// currency with the given ISO 4217 code.
func NewMoney(amount, code string) (Money, error) {
	d, err := decimal.NewFromString(amount)
	if err != nil {
		return Money{}, Invalid("amount", "%q is not a decimal number", amount)
	}
	u, err := ParseCurrency(code)
	if err != nil {
		return Money{}, err
	}
	return Money{Amount: d, Currency: u}, nil
}

// MustMoney is like [NewMoney] but panics on error; for constants in tests
// and examples.
func MustMoney(amount, code string) Money {
	m, err := NewMoney(amount, code)
	if err != nil {
		panic(err)
	}
	return m
}

// ParseCurrency returns the currency with the given ISO 4217 code
// (case-insensitive), or a validation error on the field "currency".
func ParseCurrency(code string) (currency.Unit, error) {
	if code == "" {
		return currency.Unit{}, Invalid("currency", "is required")
	}
	u, err := currency.ParseISO(code)
	if err != nil || strings.EqualFold(code, "XXX") {
		return currency.Unit{}, Invalid("currency", "%q is not an ISO 4217 currency code", code)
	}
	return u, nil
}

// IsZero reports whether m is the zero Money (no amount, no currency).
func (m Money) IsZero() bool { return m.Amount.IsZero() && m.Currency == (currency.Unit{}) }

// HasCurrency reports whether m names a currency.
func (m Money) HasCurrency() bool { return m.Currency != (currency.Unit{}) }

// Validate reports a missing currency.
func (m Money) Validate() error {
	if !m.HasCurrency() {
		return Invalid("currency", "is required")
	}
	return nil
}

// Add returns m + o; it fails when the currencies differ.
func (m Money) Add(o Money) (Money, error) {
	if m.Currency != o.Currency {
		return Money{}, Invalid("currency", "cannot add %s to %s", o.Currency, m.Currency)
	}
	return Money{Amount: m.Amount.Add(o.Amount), Currency: m.Currency}, nil
}

// String returns the amount and the currency code, as "1250.5 KES".
func (m Money) String() string {
	if !m.HasCurrency() {
		return m.Amount.String()
	}
	return m.Amount.String() + " " + m.Currency.String()
}

type moneyJSON struct {
	Amount   json.Number `json:"amount"`
	Currency string      `json:"currency"`
}

// MarshalJSON writes {"amount": 1250.5, "currency": "KES"}, the amount as an
// exact JSON number.
func (m Money) MarshalJSON() ([]byte, error) {
	code := ""
	if m.HasCurrency() {
		code = m.Currency.String()
	}
	return json.Marshal(moneyJSON{Amount: json.Number(m.Amount.String()), Currency: code})
}

// UnmarshalJSON reads {"amount": 1250.5, "currency": "KES"}; the amount may
// also be a string. The currency is required.
func (m *Money) UnmarshalJSON(b []byte) error {
	var raw struct {
		Amount   json.RawMessage `json:"amount"`
		Currency string          `json:"currency"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("money must be {\"amount\": number, \"currency\": code}")
	}
	s := strings.Trim(string(raw.Amount), `"`)
	d, err := decimal.NewFromString(s)
	if err != nil {
		return fmt.Errorf("amount %q is not a decimal number", s)
	}
	u, err := ParseCurrency(raw.Currency)
	if err != nil {
		return err
	}
	*m = Money{Amount: d, Currency: u}
	return nil
}

// Totals sums amounts per currency. The zero value is ready to use.
type Totals map[currency.Unit]decimal.Decimal

// Add adds m to the total of its currency.
func (t *Totals) Add(m Money) {
	if *t == nil {
		*t = Totals{}
	}
	(*t)[m.Currency] = (*t)[m.Currency].Add(m.Amount)
}

// Of returns the total in one currency.
func (t Totals) Of(u currency.Unit) Money { return Money{Amount: t[u], Currency: u} }

// List returns the totals sorted by currency code.
func (t Totals) List() []Money {
	units := slices.SortedFunc(maps.Keys(t), func(a, b currency.Unit) int { return strings.Compare(a.String(), b.String()) })
	out := make([]Money, len(units))
	for i, u := range units {
		out[i] = Money{Amount: t[u], Currency: u}
	}
	return out
}
