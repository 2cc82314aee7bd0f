package homeward_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/currency"

	"github.com/homewardkit/homeward"
)

func TestMoney(t *testing.T) {
	a := homeward.MustMoney("1250.50", "KES")
	b := homeward.MustMoney("49.50", "kes")
	sum, err := a.Add(b)
	require.NoError(t, err)
	require.Equal(t, "1300 KES", sum.String())
	_, err = a.Add(homeward.MustMoney("1", "USD"))
	require.ErrorIs(t, err, homeward.ErrInvalid)
	_, err = homeward.NewMoney("1", "ZZZ")
	require.ErrorContains(t, err, "currency")
	_, err = homeward.NewMoney("one", "EUR")
	require.ErrorContains(t, err, "amount")

	data, err := json.Marshal(a)
	require.NoError(t, err)
	require.JSONEq(t, `{"amount": 1250.5, "currency": "KES"}`, string(data))
	var back homeward.Money
	require.NoError(t, json.Unmarshal(data, &back))
	require.True(t, back.Amount.Equal(a.Amount))
	require.Equal(t, currency.MustParseISO("KES"), back.Currency)
	require.Error(t, json.Unmarshal([]byte(`{"amount": 5}`), &back), "a currency is required")
	require.NoError(t, json.Unmarshal([]byte(`{"amount": "5.25", "currency": "EUR"}`), &back))

	var tot homeward.Totals
	tot.Add(a)
	tot.Add(homeward.MustMoney("10", "USD"))
	tot.Add(b)
	list := tot.List()
	require.Len(t, list, 2)
	require.Equal(t, "1300 KES", list[0].String())
	require.Equal(t, "10 USD", list[1].String())
}
