package fields

import (
	"reflect"
	"slices"
	"strings"
)

// skipped are bookkeeping fields that change on every write.
var skipped = map[string]bool{"version": true, "created_at": true, "updated_at": true}

// Changed returns the JSON names of the fields that differ between old and
// cur, which must be structs of the same type (or pointers to them). Fields
// of nested structs are named with dots ("child.given_name"); slices, maps
// and pointers are compared whole; maps with string keys are compared per
// key ("answers.care_team.training"). When old is nil, every field of cur that
// is not zero is named.
func Changed(old, cur any) []string {
	cv := reflect.Indirect(reflect.ValueOf(cur))
	var ov reflect.Value
	if old == nil || (reflect.ValueOf(old).Kind() == reflect.Pointer && reflect.ValueOf(old).IsNil()) {
		ov = reflect.New(cv.Type()).Elem()
	} else {
		ov = reflect.Indirect(reflect.ValueOf(old))
	}
	var out []string
	walk(ov, cv, "", &out)
	return out
}

func walk(ov, cv reflect.Value, prefix string, out *[]string) {
	t := cv.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := jsonName(f)
		if name == "-" || (prefix == "" && skipped[name]) {
			continue
		}
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		a, b := ov.Field(i), cv.Field(i)
		if f.Type.Kind() == reflect.Struct && f.Type.NumField() > 0 && f.Type.Field(0).IsExported() {
			walk(a, b, path, out)
			continue
		}
		if f.Type.Kind() == reflect.Map && f.Type.Key().Kind() == reflect.String {
			mapKeys(a, b, path, out)
			continue
		}
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			*out = append(*out, path)
		}
	}
}

// mapKeys names path.key for every key whose value differs between the maps
// a and b (present in one only, or different), in sorted key order.
func mapKeys(a, b reflect.Value, path string, out *[]string) {
	var keys []string
	seen := map[string]bool{}
	for _, m := range []reflect.Value{a, b} {
		for _, k := range m.MapKeys() {
			if s := k.String(); !seen[s] {
				seen[s] = true
				keys = append(keys, s)
			}
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		kv := reflect.ValueOf(k).Convert(a.Type().Key())
		x, y := a.MapIndex(kv), b.MapIndex(kv)
		if x.IsValid() != y.IsValid() || (x.IsValid() && !reflect.DeepEqual(x.Interface(), y.Interface())) {
			*out = append(*out, path+"."+k)
		}
	}
}

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	if name, _, _ := strings.Cut(tag, ","); name != "" {
		return name
	}
	return f.Name
}
