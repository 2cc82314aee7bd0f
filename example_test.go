package homeward_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/homewardkit/homeward"
)

// A date in a record is a civil date; adding months clamps to the month's end.
func ExampleDate_AddMonths() {
	placed := homeward.MustParseDate("2027-01-31")
	for _, n := range []int{1, 2, 3} {
		fmt.Println(placed.AddMonths(n))
	}
	// Output:
	// 2027-02-28
	// 2027-03-31
	// 2027-04-30
}

// Services take the acting user from the context.
func ExampleWithActor() {
	ctx := homeward.WithActor(context.Background(), homeward.Actor{ID: "ana", Org: "hope-kenya", Role: homeward.RoleStaff})
	actor, _ := homeward.RequireActor(ctx)
	policy := homeward.DefaultPolicy{}
	fmt.Println(policy.Allow(ctx, actor, homeward.ActionWrite, "hope-kenya"))
	fmt.Println(policy.Allow(ctx, actor, homeward.ActionRead, "another-org"))
	// Output:
	// true
	// false
}

// A ValidationError names every failing field and unwraps to ErrInvalid.
func ExampleValidationError() {
	var v homeward.ValidationError
	v.Add("child.birth_date", "is in the future")
	v.Add("household.members[1].relationship", "is required")
	err := v.Err()
	fmt.Println(errors.Is(err, homeward.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// invalid input: 2 problems:
	//   child.birth_date: is in the future
	//   household.members[1].relationship: is required
}
