package sqlstore

import (
	"fmt"
	"time"

	"github.com/homewardkit/homeward"
)

// sqliteTime is the text form of timestamps in SQLite: RFC 3339 in UTC with
// exactly six fractional digits, so that text order is time order.
const sqliteTime = "2006-01-02T15:04:05.000000Z07:00"

// normTime returns t in UTC at the precision every dialect keeps:
// microseconds. The zero time stays zero.
func normTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

// timeArg returns the query argument that stores t.
func (d *DB) timeArg(t time.Time) any {
	t = normTime(t)
	if d.dialect == DialectSQLite {
		return t.Format(sqliteTime)
	}
	return t
}

// dateArg returns the query argument that stores day.
func (d *DB) dateArg(day homeward.Date) any {
	if d.dialect == DialectSQLite {
		return day.String()
	}
	return day.Time()
}

// timeScan reads a timestamp column of either dialect into a UTC time.
type timeScan struct{ t *time.Time }

func (s timeScan) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*s.t = normTime(v)
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	case nil:
		*s.t = time.Time{}
	default:
		return fmt.Errorf("sqlstore: cannot read a time from %T", src)
	}
	return nil
}

func (s timeScan) parse(v string) error {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return fmt.Errorf("sqlstore: stored time is not RFC 3339: %w", err)
	}
	*s.t = normTime(t)
	return nil
}

// dateScan reads a date column of either dialect.
type dateScan struct{ d *homeward.Date }

func (s dateScan) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		// PostgreSQL's DATE arrives as midnight; read its calendar day
		// as written, whatever the location.
		*s.d = homeward.DateFromTime(v)
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	default:
		return fmt.Errorf("sqlstore: cannot read a date from %T", src)
	}
	return nil
}

func (s dateScan) parse(v string) error {
	d, err := homeward.ParseDate(v)
	if err != nil {
		return fmt.Errorf("sqlstore: stored date: %w", err)
	}
	*s.d = d
	return nil
}
