// Package jsonx reads JSON strictly and reports every problem at once, each
// with the path of the field it concerns ("areas[1].items[0].weight"), as a
// *homeward.ValidationError. Input is decoded into generic values first and
// then walked with [Object], which remembers which keys were read so that
// [Object.Done] can name the unknown ones.
package jsonx
