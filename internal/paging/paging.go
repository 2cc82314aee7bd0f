package paging

import (
	"encoding/base64"
	"sort"

	"github.com/homewardkit/homeward"
)

// Encode returns the cursor that continues after the item with sort key key.
func Encode(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key))
}

// Decode returns the sort key a cursor stands for. The empty cursor gives the
// empty key. A malformed cursor is a validation error on the field "cursor".
func Decode(cursor string) (string, error) {
	if cursor == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || len(b) == 0 {
		return "", homeward.Invalid("cursor", "is not a cursor returned by this list")
	}
	return string(b), nil
}

// Slice returns the page of items that req asks for. items must be sorted
// ascending by key, and keys must be unique.
func Slice[T any](items []T, key func(T) string, req homeward.PageRequest) (homeward.Page[T], error) {
	after, err := Decode(req.Cursor)
	if err != nil {
		return homeward.Page[T]{}, err
	}
	start := 0
	if after != "" {
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) > after })
	}
	limit := req.EffectiveLimit()
	end := min(start+limit, len(items))
	page := homeward.Page[T]{Items: items[start:end:end]}
	if page.Items == nil {
		page.Items = []T{}
	}
	if end < len(items) {
		page.Next = Encode(key(items[end-1]))
	}
	return page, nil
}
