package transition

import (
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// ratio is an exact non-negative rational number. Scores are kept as
// ratios so that rounding is decided on the exact value: int64 arithmetic
// while it cannot overflow, math/big beyond.
type ratio struct {
	n, d int64    // n/d with d > 0, when big is nil
	big  *big.Rat // the value, when int64 arithmetic would overflow
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func newRatio(n, d int64) ratio {
	if g := gcd(n, d); g > 1 {
		n, d = n/g, d/g
	}
	return ratio{n: n, d: d}
}

func (r ratio) rat() *big.Rat {
	if r.big != nil {
		return r.big
	}
	return new(big.Rat).SetFrac64(r.n, r.d)
}

// mul64 multiplies non-negative a and b, reporting overflow.
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	return int64(lo), hi == 0 && lo <= 1<<63-1
}

// add64 adds non-negative a and b, reporting overflow.
func add64(a, b int64) (int64, bool) {
	s := a + b
	return s, s >= a
}

// mulInt returns r × k for k >= 0.
func (r ratio) mulInt(k int64) ratio {
	if r.big == nil {
		g := gcd(k, r.d)
		if n, ok := mul64(r.n, k/g); ok {
			return newRatio(n, r.d/g)
		}
	}
	return ratio{big: new(big.Rat).Mul(r.rat(), new(big.Rat).SetInt64(k))}
}

// divInt returns r / k for k > 0.
func (r ratio) divInt(k int64) ratio {
	if r.big == nil {
		g := gcd(r.n, k)
		if d, ok := mul64(r.d, k/g); ok {
			return newRatio(r.n/g, d)
		}
	}
	return ratio{big: new(big.Rat).Quo(r.rat(), new(big.Rat).SetInt64(k))}
}

// add returns r + s.
func (r ratio) add(s ratio) ratio {
	if r.big == nil && s.big == nil {
		g := gcd(r.d, s.d)
		a, ok1 := mul64(r.n, s.d/g)
		b, ok2 := mul64(s.n, r.d/g)
		d, ok3 := mul64(r.d, s.d/g)
		if n, ok4 := add64(a, b); ok1 && ok2 && ok3 && ok4 {
			return newRatio(n, d)
		}
	}
	return ratio{big: new(big.Rat).Add(r.rat(), s.rat())}
}

// tenths returns the value in tenths rounded half away from zero (the value
// is never negative): 6.25 gives 63.
func (r ratio) tenths() int64 {
	if r.big == nil {
		// (20n + d) / 2d = floor(10n/d + ½)
		if n20, ok := mul64(r.n, 20); ok {
			if num, ok := add64(n20, r.d); ok {
				if d2, ok := mul64(r.d, 2); ok {
					return num / d2
				}
			}
		}
	}
	x := r.rat()
	num := new(big.Int).Mul(x.Num(), big.NewInt(20))
	num.Add(num, x.Denom())
	den := new(big.Int).Mul(x.Denom(), big.NewInt(2))
	return num.Quo(num, den).Int64()
}

// decimal returns the value as a decimal rounded (half away from zero) to
// places decimal places.
func (r ratio) decimal(places int32) decimal.Decimal {
	x := r.rat()
	return decimal.NewFromBigInt(x.Num(), 0).DivRound(decimal.NewFromBigInt(x.Denom(), 0), places)
}
