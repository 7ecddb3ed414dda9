// Package static holds the web UI: plain HTML, CSS and ES modules, no build
// step, embedded in the binary and served at "/".
package static

import "embed"

// FS is the UI's files, rooted at this directory (index.html at its top).
//
//go:embed *.html *.css js
var FS embed.FS
