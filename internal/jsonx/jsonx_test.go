package jsonx_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/jsonx"
)

func TestObject(t *testing.T) {
	val, err := jsonx.Decode([]byte(`{"name": "x", "n": 1.50, "i": 3, "ok": true, "list": [1], "obj": {"a": "b", "zz": 1}, "extra": null, "bad": 5}`))
	require.NoError(t, err)
	var v homeward.ValidationError
	o := jsonx.AsObject(val, "", &v)
	require.Equal(t, "x", o.String("name"))
	d, ok := o.Decimal("n")
	require.True(t, ok)
	require.Equal(t, "1.5", d.String())
	i, ok := o.Int("i")
	require.True(t, ok)
	require.Equal(t, int64(3), i)
	require.True(t, o.Bool("ok"))
	require.Len(t, o.Array("list"), 1)
	require.Equal(t, map[string]string{"a": "b"}, o.StringMap("obj"))
	require.Equal(t, "", o.String("bad"))
	o.Done()
	var paths []string
	for _, f := range v.Fields {
		paths = append(paths, f.Path)
	}
	require.Equal(t, []string{"obj.zz", "bad", "extra"}, paths)
}

func TestDecodeErrors(t *testing.T) {
	_, err := jsonx.Decode([]byte("{\n\"a\": ,}"))
	require.ErrorContains(t, err, "line 2")
	_, err = jsonx.Decode([]byte(`{"a": 1`))
	require.ErrorContains(t, err, "unexpected end")
	_, err = jsonx.Decode([]byte(`{} []`))
	require.ErrorContains(t, err, "after the JSON value")
	var v homeward.ValidationError
	require.Nil(t, jsonx.AsObject([]any{}, "root", &v))
	require.Equal(t, "root", v.Fields[0].Path)
}
