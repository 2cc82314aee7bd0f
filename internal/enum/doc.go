// Package enum implements the text marshalling shared by Homeward's
// enumerations: string types whose values are stable snake_case words, and
// that reject unknown values with an error naming the accepted ones.
package enum
