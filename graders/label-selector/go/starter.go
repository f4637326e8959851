// label-selector: implement Matches, Kubernetes label selector matching.
// (The question's prompt goes above this line.)
package solution

import "errors"

// Matches reports whether labels satisfy every requirement of a Kubernetes label selector: k=v, k==v, k!=v,
// k in (a,b), k notin (a,b), k (exists) and !k (absent), separated by commas. The empty selector matches
// everything. A malformed selector is an error.
func Matches(selector string, labels map[string]string) (bool, error) {
	return false, errors.New("not implemented")
}
