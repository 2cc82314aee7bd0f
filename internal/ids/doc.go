// Package ids generates record identifiers.
package ids
