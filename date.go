package homeward

import (
	"errors"
	"time"
)

// Date is a civil date (year, month, day) with no time of day and no time
// zone: a birth date, a due date, the day of an assessment. The zero value
// means "no date" and reports IsZero.
//
// Dates are compact (4 bytes), compare with <, == and >, and marshal as
// "YYYY-MM-DD" in JSON and text. Adding months clamps to the end of the
// month: 31 January plus one month is 28 or 29 February, never 2 or 3 March.
type Date struct {
	// n is the number of days since 0001-01-01 plus one; 0 is the zero Date.
	n int32
}

// The Unix epoch (1970-01-01) counted in days since 0001-01-01.
const unixEpochDays = 719162

// MinYear and MaxYear bound the dates Homeward accepts.
const (
	MinYear = 1
	MaxYear = 9999
)

// DateOf returns the date of year, month and day. Values outside their
// ranges are normalised as by [time.Date] (DateOf(2027, 2, 30) is 2 March);
// use [ParseDate] to reject such input instead.
func DateOf(year int, month time.Month, day int) Date {
	return DateFromTime(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DateFromTime returns the date of t in t's own location.
func DateFromTime(t time.Time) Date {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return Date{n: int32(u/86400+unixEpochDays) + 1}
}

// Today returns the date of now in loc (UTC when loc is nil).
func Today(now time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = time.UTC
	}
	return DateFromTime(now.In(loc))
}

// ParseDate parses "YYYY-MM-DD" strictly: the day must exist in its month
// and the year must lie in [MinYear, MaxYear]. The error does not repeat
// the input, which may be a child's birth date.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, errors.New("is not a date in the form YYYY-MM-DD")
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, errors.New("is not a real calendar date")
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return Date{}, errors.New("is out of the range of dates")
	}
	return DateFromTime(t), nil
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for
// constants in tests and examples, never for user input.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.n == 0 }

// Time returns midnight UTC at the start of d. The zero Date gives the zero
// time.Time.
func (d Date) Time() time.Time {
	if d.n == 0 {
		return time.Time{}
	}
	return time.Unix((int64(d.n)-1-unixEpochDays)*86400, 0).UTC()
}

// Year returns d's year.
func (d Date) Year() int { return d.Time().Year() }

// Month returns d's month.
func (d Date) Month() time.Month { return d.Time().Month() }

// Day returns d's day of the month.
func (d Date) Day() int { return d.Time().Day() }

// Weekday returns d's day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays returns d plus n days (n may be negative). The zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if d.n == 0 {
		return d
	}
	return Date{n: d.n + int32(n)}
}

// AddMonths returns d plus n months (n may be negative), clamping the day to
// the last day of the resulting month: 2027-01-31 plus one month is
// 2027-02-28, plus two months is 2027-03-31. The zero Date stays zero.
func (d Date) AddMonths(n int) Date {
	if d.n == 0 {
		return d
	}
	y, m, day := d.Time().Date()
	total := int(m) - 1 + n
	y += total / 12
	mm := total % 12
	if mm < 0 {
		mm += 12
		y--
	}
	month := time.Month(mm + 1)
	if last := DaysIn(y, month); day > last {
		day = last
	}
	return DateOf(y, month, day)
}

// DaysIn returns the number of days in month of year.
func DaysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DaysUntil returns the number of days from d to e (negative when e is
// before d).
func (d Date) DaysUntil(e Date) int { return int(e.n - d.n) }

// MonthsUntil returns the number of whole months from d to e, counted with
// the same clamping as AddMonths: the largest n with d.AddMonths(n) <= e
// (or, when e is before d, the negative n of least magnitude with
// d.AddMonths(n) >= e).
func (d Date) MonthsUntil(e Date) int {
	y1, m1, _ := d.Time().Date()
	y2, m2, _ := e.Time().Date()
	n := (y2-y1)*12 + int(m2-m1)
	if n > 0 && d.AddMonths(n).After(e) {
		n--
	}
	if n < 0 && d.AddMonths(n).Before(e) {
		n++
	}
	return n
}

// YearsUntil returns the whole years from d to e, as for an age.
func (d Date) YearsUntil(e Date) int { return d.MonthsUntil(e) / 12 }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Equal reports whether d and e are the same date.
func (d Date) Equal(e Date) bool { return d.n == e.n }

// Compare returns -1, 0 or +1 as d is before, equal to or after e, for use
// with slices.SortFunc.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// String returns "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// MarshalText implements [encoding.TextMarshaler]. The zero Date marshals as
// an empty string.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]. An empty string gives
// the zero Date; anything else must be a valid "YYYY-MM-DD".
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return errors.New("date " + err.Error())
	}
	*d = v
	return nil
}
