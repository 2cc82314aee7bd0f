package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxLineBytes bounds one line of a JSON Lines file, and maxDocumentBytes
// a single assessment document, so that a broken file cannot exhaust
// memory.
const (
	maxLineBytes     = 64 << 20
	maxDocumentBytes = 64 << 20
)

// errTooLarge is returned for a line or document over its limit.
var errTooLarge = errors.New("too large")

// lineReader reads a file line by line with no limit from the buffer size
// (a line may be far longer than bufio.Scanner accepts) and counts lines.
type lineReader struct {
	r   *bufio.Reader
	buf []byte
	no  int // number of the line last returned, from 1
}

// next returns the next line, including its newline, and its number. The
// returned slice is valid until the next call. A line longer than
// maxLineBytes is skipped to its end and reported as errTooLarge (with its
// number); at the end of input next returns io.EOF.
func (l *lineReader) next() ([]byte, int, error) {
	l.buf = l.buf[:0]
	tooLong, any := false, false
	for {
		chunk, err := l.r.ReadSlice('\n')
		any = any || len(chunk) > 0
		if !tooLong {
			if len(l.buf)+len(chunk) > maxLineBytes {
				tooLong, l.buf = true, l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && !any:
			return nil, l.no, io.EOF
		case err != nil && err != io.EOF:
			return nil, l.no, err
		}
		l.no++
		if tooLong {
			return nil, l.no, errTooLarge
		}
		return l.buf, l.no, nil
	}
}

// blank reports whether b holds only white space.
func blank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// firstValueEnd returns the offset just after the JSON object or array that
// b starts with, or -1 when it does not end within b. It only balances
// brackets outside strings; whether the value is well formed is left to the
// parser.
func firstValueEnd(b []byte) int {
	depth, inString, escaped := 0, false, false
	for i, c := range b {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth <= 0 {
				return i + 1
			}
		}
	}
	return -1
}

// readRest appends the rest of r to data, up to maxDocumentBytes in all.
func readRest(data []byte, r io.Reader) ([]byte, error) {
	var b bytes.Buffer
	b.Write(data)
	if _, err := b.ReadFrom(io.LimitReader(r, int64(maxDocumentBytes-len(data)+1))); err != nil {
		return nil, err
	}
	if b.Len() > maxDocumentBytes {
		return nil, errTooLarge
	}
	return b.Bytes(), nil
}
