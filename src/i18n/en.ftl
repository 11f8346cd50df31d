## The keys, as the help overlay, the status line's hints and the manual list them.
## key-PLACE-ACTION: what the key does; the place and action are the config's names.
key-browse-down = next article / scroll down
key-browse-up = previous article / scroll up
key-browse-page-or-next = page down; at the end, the next article
key-browse-page-down = page down
key-browse-page-up = page up
key-browse-half-page-down = half a page down / up
key-browse-top = first article / top
key-browse-bottom = last article / end
key-browse-open = read the selected article
key-browse-back = back to the list
key-browse-switch-focus = switch between list and reader
key-browse-toggle-unread-view = list only unread articles / all
key-browse-next-unread = next unread article
key-browse-toggle-read = mark read / unread (a folded section: all of it)
key-browse-wider-list = widen / narrow the list
key-browse-start-search = search this article / all articles
key-browse-show-bookmarks = all bookmarks
key-browse-show-problems = files skipped and articles read with warnings
key-browse-fetch-feeds = fetch the feeds into this folder
key-browse-toggle-help = show this help
key-browse-quit = quit
key-list-toggle-section = fold / unfold the section (folders in the list)
key-list-next-section = next / previous section
key-list-mark-section-read = mark the section read (unread again if all are)
key-list-mark-all-read = mark every article read (press twice)
key-reader-next-paragraph = next paragraph
key-reader-previous-paragraph = previous paragraph
key-reader-next-article = next article
key-reader-previous-article = previous article
key-reader-next-match = next match
key-reader-previous-match = previous match
key-reader-toggle-selection = select by paragraph ({"{"} {"}"}), sentence (( )), line (j k)
key-reader-next-sentence = select by sentence: the next / the one before
key-reader-bookmark = bookmark the selection or the current passage
key-reader-copy = copy the selection or the passage to the clipboard
key-bookmarks-down = next bookmark
key-bookmarks-up = previous bookmark
key-bookmarks-page-down = page down / up
key-bookmarks-half-page-down = half a page down / up
key-bookmarks-top = first / last bookmark
key-bookmarks-open = read the passage
key-bookmarks-delete-bookmark = delete the bookmark
key-bookmarks-undo-delete = undo the last delete
key-bookmarks-edit-note = edit the note
key-bookmarks-start-search = filter the bookmarks
key-bookmarks-back = back (Esc first clears a filter)
key-bookmarks-toggle-help = show this help
key-bookmarks-quit = quit
key-problems-down = next / previous problem
key-problems-page-down = page down / up
key-problems-half-page-down = half a page down / up
key-problems-top = top / end
key-problems-open = read the article of the problem
key-problems-back = back
key-problems-toggle-help = show this help
key-problems-quit = quit
key-prompt-confirm = keep the search, save the note, read the article
key-prompt-cancel = cancel, back to where the prompt opened
key-reader-prompt-older-query = in the reader: earlier / later queries
key-list-prompt-up = in the list and the bookmarks: choose
key-search-older-query = earlier / later queries
key-prompt-cursor-left = move the cursor
key-prompt-cursor-home = cursor to the start
key-prompt-cursor-end = cursor to the end
key-prompt-delete-back = delete the character before the cursor
key-prompt-delete-forward = delete the character under the cursor
key-prompt-delete-word = delete the word before the cursor
key-prompt-delete-to-start = delete everything before the cursor
key-search-toggle-case = case: smart → match → ignore
key-search-toggle-accents = accents: smart → match → ignore
key-search-toggle-words = words: start → whole → anywhere
key-help-down = scroll down / up
key-help-page-down = page down / up
key-help-half-page-down = half a page down / up
key-help-top = top / end
key-help-toggle-help = close the help
key-unsaved-retry-save = try saving again, then quit
key-unsaved-save-elsewhere = write it to a recovery file elsewhere, then quit
key-unsaved-quit-anyway = quit without it
key-unsaved-back = back to reading: it stays in memory
key-everywhere-quit = quit, saving where you are, from any screen
key-everywhere-suspend = back to the shell; fg comes back here

## The help's sections.
help-section-browse = In the list and the reader
help-section-list = In the list
help-section-reader = In the reader
help-section-bookmarks = In the bookmarks pane
help-section-problems = In the problems view
help-section-prompts = While typing a search, a filter or a note
help-section-help = In this help
help-section-unsaved = When quitting with something unsaved
help-section-everywhere = Everywhere
key-wheel-name = mouse
key-wheel = the wheel scrolls the pane under it; a click chooses

## The status line's hints: a word after the keys.
hint-help = help
hint-quit = quit
hint-extend = extend
hint-bookmark = bookmark
hint-copy = copy
hint-stop = stop
hint-read = read
hint-delete = delete
hint-note = note
hint-back = back
hint-close = close
hint-save = save
hint-cancel = cancel

## Where keys apply, as the README's key table and the config's messages name it.
place-everywhere = everywhere
place-browse = list, reader
place-list = list
place-reader = reader
place-bookmarks = bookmarks
place-problems = problems
place-help = help
place-prompt = prompt
place-search = search prompt
place-reader-prompt = reader's search prompt
place-list-prompt = list's search prompt, bookmarks filter
place-unsaved = question when quitting with something unsaved
readme-key-table-head = | keys | where | what |
    |---|---|---|
readme-mouse-wheel = mouse

## The status line.
status-problems = problems
status-no-bookmarks = no bookmarks
status-no-bookmark-matches = no bookmark matches
status-bookmark-of = bookmark { $at } of { $count }
status-no-articles = no articles
status-no-article-matches = no article matches
status-article-of = article { $at } of { $count }
status-read = read
status-all-read = all read
status-unread = { $count } unread
list-section-unread = { $count } unread
list-marks-not-found = { $count } lost
status-indexing = indexing…
status-checking = checking for changes…
status-indexing-of = indexing { $done } / { $total }
status-files-skipped = { $count ->
    [one] 1 file skipped
   *[other] { $count } files skipped
}
status-read-with-warning = { $count ->
    [one] 1 article read with a warning
   *[other] { $count } articles read with a warning
}
status-shows-why = { $what } ({ $key } shows why)
status-searching = searching…
status-no-matches = no matches
status-matches = { $count ->
    [one] 1 match
   *[other] { $shown } matches
}
status-articles-found = { $count ->
    [0] no articles
    [one] 1 article
   *[other] { $shown } articles
}
status-so-far = { $found } so far
status-found-while-indexing = { $found } in { $searched } of { $total } (indexing)

## The prompt line: the settings of a search, and the note prompts.
prompt-case = case
prompt-accents = accents
prompt-words = words
prompt-case-letter = c
prompt-accents-letter = a
prompt-words-letter = w
prompt-bookmarks = { $count ->
    [one] 1 bookmark
   *[other] { $count } bookmarks
}
prompt-note = Note:{" "}
prompt-note-again = Bookmarked already · note:{" "}
setting-smart = smart
setting-on = match
setting-off = ignore
setting-start = start
setting-whole = whole
setting-anywhere = anywhere

## Panes and messages in them.
too-small = Terminal too small: { $size }, docbao needs { $needed }. Enlarge it, or { $quit } to quit.
title-problems = Problems ({ $count })
title-removed = removed
title-unreadable = unreadable
title-reader = Reader
title-keys = Keys
title-keys-lines = Keys · lines { $first }–{ $last } of { $count }
title-passage = Passage
title-bookmarks = Bookmarks ({ $total })
title-bookmarks-filtered = Bookmarks “{ $query }” · { $count } of { $total }
bookmarks-none = No bookmarks yet. In the reader, { $mark } bookmarks the current passage ({ $select } selects more).
bookmarks-no-match = No bookmark matches. { $back } shows them all.
bookmark-no-note = (no note)
bookmark-note = Note: { $note }
bookmark-no-article = article not in this folder
bookmark-not-found = passage not found
bookmark-edited = passage edited
title-search-so-far = Search · { $count } so far · “{ $query }”
title-search = Search · { $count } of { $total } · “{ $query }”
title-unread = Unread · { $count } of { $total }
title-articles = Articles ({ $total })
list-none-skipped = No articles in { $folder }: { $count ->
    [one] 1 file
   *[other] { $count } files
} skipped ({ $key } shows why).
list-none = No articles in { $folder }. docbao reads *.txt, *.md and saved web pages (*.html), in subfolders too.
list-no-match-so-far = No article matches so far: the rest is being indexed. { $back } shows them all.
list-no-unread-match = No unread article matches. { $unread } shows the read ones too, { $back } clears the search.
list-no-match = No article matches. { $back } shows them all.
undated = undated
section-top = (top)
reader-meta = { $date } · { $count ->
    [one] 1 word
   *[other] { $words } words
} · { $time } read
reader-end = end
time-minutes = { $minutes } min
time-hours = { $hours } h
time-hours-minutes = { $hours } h { $minutes } min

## Notes on the status line, after a key.
note-removed-no-bookmark = a removed article cannot be bookmarked
note-nothing-to-undo = nothing to undo
note-bookmark-restored = bookmark restored
note-bookmarked = bookmarked
note-bookmarked-with-note = bookmarked, with a note
note-unchanged = note unchanged
note-removed = note removed
note-saved = note saved
note-article-removed = article removed from the folder · open until you move away
note-article-unreadable = this file can no longer be read: { $why } · open until you move away
note-bookmark-cancelled = bookmark cancelled
note-selection-gone = the file changed and the text selected is no longer in it: selection dropped
note-worker-stopped = docbao's { $what } worker stopped after an error: quit and start docbao again
note-prompt-full = the prompt keeps { $shown } characters: the rest was left out
title-unsaved = Not saved
reader-opening = Opening…
unsaved-what = Not saved: { $what }
unsaved-bookmarks = { $count ->
    [one] one bookmark change
   *[other] { $count } bookmark changes
}
unsaved-place = your place
unsaved-failed-again = Tried again: it failed again.
unsaved-retrying = Saving again…
unsaved-recovering = Writing the recovery file…
notice-recovered = what could not be saved was written to { $path } (copy it over bookmarks.json to put the bookmarks back)
notice-not-recovered = no recovery file could be written either: { $error }
note-last-paragraph = last paragraph
note-last-article = this is the last article
note-first-article = this is the first article
note-still-searching = still searching this article
note-wrapped-top = search wrapped to the top
note-wrapped-bottom = search wrapped to the bottom
note-no-sections = this folder has no sections
note-sections-unsearched = sections show when nothing is searched
note-every-article = every article listed
note-next-unread-top = next unread: from the top
note-no-other-unread = no other unread article
note-marked-read = marked read
note-marked-unread = marked unread
note-section-marked-read = { $count ->
    [one] 1 article of { $section } marked read
   *[other] { $count } articles of { $section } marked read
}
note-section-marked-unread = { $count ->
    [one] 1 article of { $section } marked unread
   *[other] { $count } articles of { $section } marked unread
}
note-nothing-unread = nothing unread
note-mark-all-again = { $count ->
    [one] { $key } again marks the one unread article read
   *[other] { $key } again marks all { $count } unread articles read
}
note-all-marked-read = { $count ->
    [one] 1 article marked read
   *[other] { $count } articles marked read
}
note-last-section = this is the last section
note-first-section = this is the first section
note-list-widest = the list is as wide as it goes
note-list-narrowest = the list is as narrow as it goes
note-split-from = the list and the reader are side by side from { $columns } columns
note-unbound-in-help = { $key } does nothing here · { $help } closes the help
note-unbound = { $key } does nothing here · press { $help } for help
problems-none = Every file was read without a problem.
problems-none-so-far = No problem so far; the rest of the folder is being indexed.
note-copied = copied { $count ->
    [one] 1 character
   *[other] { $shown } characters
} to the clipboard
note-bookmark-elsewhere = “{ $title }” is not in this folder ({ $path })
note-bookmark-kept = this bookmark was deleted in another window; kept, with your note
note-bookmark-gone = this bookmark was deleted in another window
note-problem-not-listed = this file is not listed: there is no article to read
note-passage-gone = passage not found any more: “{ $quote }”
note-bookmark-deleted = bookmark deleted; { $undo } brings it back
note-no-article-matches = no article matches “{ $query }”
note-unread-only = unread articles only · { $key } lists all
note-no-search = no search yet: press { $key } to search
note-no-matches-for = no matches for “{ $query }”

## What the user must be told about the data files: { $error } says what went wrong.
notice-not-saved = { $error }; bookmarks will not be saved
notice-bookmark-kept = { $error }; the bookmark is kept in memory and saved with the next change
notice-place-kept = { $error }; your place is kept in memory and saved again shortly
notice-old-bookmarks = { $error }; older bookmarks are not shown in this folder yet
notice-position-in = the reading position in “{ $name }”
notice-ambiguous = { $names } { $count ->
    [one] names an article by its file name, which several files here share; kept as it was
   *[other] name an article by its file name, which several files here share; kept as they were
}

## The command line.
cli-stats = { $files } articles ({ $parsed } parsed), { $size }, opened in { $opened } ms, searched in { $searched } ms
cli-damaged = { $count ->
    [one] 1 article
   *[other] { $count } articles
} damaged in the catalog cache, read from their files ({ $then })
cli-damaged-stored-anew = stored anew next time
cli-damaged-clear = `docbao cache --clear` rebuilds the cache
cli-no-articles = no articles in { $folder }: docbao reads *.txt, *.md and saved web pages (*.html), in subfolders too
cli-ambiguous = { $key } names { $count } articles in { $folder }: { $ids }; give one of these ids
cli-cannot-show = cannot show { $key }: { $problem }
cli-no-article = no article { $key } in { $folder }
cli-empty-query = the query is empty
cli-cache-bundled = the bundled articles have no cache: give a folder
cli-cannot-open = cannot open { $path }: { $error }
cli-cache-not-folder = { $path } is not a folder: only folders have a cache
cli-no-cache-dir = no cache directory: set { $env }
cli-cache-none-to-remove = no cache of { $folder } to remove
cli-cache-removed = removed the cache of { $folder }: { $dir }
cli-cache-none-yet = no cache of { $folder } yet: it is made in { $dir } the first time the folder is opened
cli-cache-size = cache of { $folder }: { $dir } ({ $files } files, { $size })
    all caches: { $root } ({ $all })
cli-misspelt = { $typed } is neither a command nor a file (did you mean `docbao { $meant }`?)
cli-config-missing = there is no config file { $path } (named with --config)
cli-no-bookmarks = no bookmarks yet: m in the reader bookmarks the passage you are on
cli-see-help = { $error } (docbao --help lists the options)
origin-bundled = the bundled articles

## A config file's mistakes, after FILE:LINE:COLUMN.
config-not-utf8 = not UTF-8 text: using the defaults
config-cannot-read = cannot read it: { $error }; using the defaults
config-bad-toml = not valid TOML: { $error }; using the defaults
config-unknown-key = unknown key { $key }: expected one of { $known }
config-unknown-key-in = unknown key { $key } in { $table }: expected one of { $known }
config-style-type = { $name }: expected a colour ("#ffd75f") or a table ({"{"} fg = "black", bg = "yellow", bold = true {"}"})
config-expected-bool = { $name }: expected true or false
config-expected-colour = expected a colour in quotes
config-expected-folder = expected a folder's path in quotes
config-unknown-colour = unknown colour { $name }: expected a name (black, red, green, yellow, blue, magenta, cyan, gray, white, light-red…), "#rrggbb" or a number from 0 to 255
config-unknown-action = { $action } is not an action of [keys.{ $scope }]: expected one of { $known }
config-expected-keys = { $action }: expected a key name ("n", "Ctrl-N") or a list of them
config-expected-table = expected a table
config-expected-one-of = { $shown }: expected one of { $expected }
config-expected-percent = { $shown }: expected a percentage, a whole number from { $low } to { $high }
config-expected-columns = { $shown }: expected a number of columns, a whole number from { $low } to { $high }
config-unknown-key-name = unknown key { $name }: expected a character, Enter, Esc, Tab, Space, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn or F1 to F12, optionally after C- (Ctrl), A- (Alt) or S- (Shift)
config-no-key = no key given for { $action }: expected a key name or a list of them
config-typed-key = { $key } cannot be bound in [keys.{ $scope }]: a character is typed into a prompt; use a Ctrl- or Alt- key
config-bound-twice = { $key } is bound twice: to { $action } and to { $other } (in { $place })
note-config-mistakes = { $count } mistakes in the config file: { $key } lists them
verbatim = { $text }

## Why a file was skipped, and what was made of an article read with a warning.
skip-unreadable = cannot read: { $error }, skipped
skip-binary-nul = binary file (contains NUL bytes), skipped
skip-binary-signature = binary file (a binary file signature), skipped
skip-binary-controls = binary file (mostly control bytes), skipped
skip-empty = no text (empty, or only blank lines), skipped
skip-no-article = no article number { $index }
warn-guessed = not UTF-8: read as { $encoding }, a guess
warn-invalid-utf8 = invalid UTF-8: unreadable bytes are shown as �
warn-mojibake = repaired mojibake
warn-mojibake-partly = mojibake repaired in part: some characters were lost before docbao read the file (shown as �)
skip-link-loop = symbolic link loops back to a parent folder, not followed
skip-walk = { $error }, skipped

## Files that could not be opened, read or written.
catalog-cannot-open = cannot open { $path }: { $error }
store-cannot-create = cannot create { $path }: { $error }
store-cannot-lock = cannot lock { $path }: { $error }
store-cannot-open = cannot open { $path }: { $error }
store-cannot-read = cannot read { $path }: { $error }
store-cannot-replace = cannot replace { $path }: { $error }
store-cannot-set-aside = cannot set aside { $path }: { $error }
store-cannot-write = cannot write { $path }: { $error }
store-cannot-encode = cannot write { $path }: what it keeps could not be turned into JSON ({ $error })
store-no-data-dir = no data directory: set { $env } or pass --data-dir
store-bookmarks-set-aside = bookmarks file could not be read; kept as { $path } and started afresh
store-state-set-aside = reading state could not be read; kept as { $path } and started afresh

## The terminal.
tui-cannot-set-up = cannot set up the terminal
tui-cannot-read-size = cannot read the terminal size
tui-cannot-draw = cannot draw to the terminal
tui-cannot-read = cannot read from the terminal

## The catalog cache and the live folder, on the status line; { $why } says why.
cache-rebuilding = rebuilding the catalog cache ({ $why })
cache-rebuilt = catalog cache rebuilt ({ $why })
cache-not-written = catalog cache not written ({ $why })
cache-damaged = { $count ->
    [one] 1 article
   *[other] { $count } articles
} damaged in the cache, read from the files
cache-damaged-stored-anew = { $count ->
    [one] 1 article
   *[other] { $count } articles
} damaged in the cache, read from the files; stored anew next time
cache-damaged-not-written = { $count ->
    [one] 1 article
   *[other] { $count } articles
} damaged in the cache, read from the files; cache not written: { $why }
live-polling = no file notifications ({ $why }): the folder is looked at every second
live-unwatched = the folder is not watched for changes ({ $why })
list-no-unread-match-typing = No unread article matches. { $back } clears the search.

config-file-head = docbao's config file. Save it as the path `docbao config` names, and remove the # before a setting to change it. A mistake is reported with its line and column, and that setting keeps its default; docbao never writes this file.
config-file-theme = Colours: "dark", "light" or "auto" (after the terminal's background).
config-file-language = The interface's language: "en", "vi" or "auto" (after LC_ALL, LC_MESSAGES, LANG).
config-file-folder = The folder to open when none is given (~/ is the home folder).
config-file-list-width = The list's share of a terminal 80 columns or wider, in percent (20 to 70), until < and > change it.
config-file-text-width = The widest the reader lays out text, in columns.
config-file-mouse = Whether docbao takes the mouse (the wheel scrolls, a click chooses); false leaves it to the terminal, for its own selection of text.
config-file-case = Case: "smart" (told apart when the query has capitals), "match" or "ignore".
config-file-accents = Accents and đ: "smart" (when the query has them), "match" or "ignore".
config-file-words = Where a match starts: "start" (of a word), "whole" (words) or "anywhere".
config-file-colors = Each style of the theme: a colour for its text, or a table. A colour is a name (black, red, green, yellow, blue, magenta, cyan, gray, white, light-red…), "#rrggbb" or a number from 0 to 255. For example:
config-file-styles = The styles:
config-file-keys = Keys: [keys.PLACE] ACTION = "KEYS" gives an action new keys in place of its defaults there. A key is a character, Enter, Esc, Tab, Space, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn or F1 to F12, after Ctrl-, Alt- or Shift- if need be (C-, A-, S- for short). A key may do one thing only in each place.
config-file-path = config file: { $path }
config-file-missing = config file: { $path } (not there: these are the defaults)
config-file-no-dir = no config directory is known: these are the defaults
config-file-mistakes = mistakes in it: { $count } (on stderr); those settings are the defaults
config-file-no-folder = folder: none set (./articles if it exists, else the bundled ones)
config-file-no-list-width = list_width: none set (35% of the width, 28 to 48 columns)
style-title = article titles
style-meta = dates, lengths and other quiet text
style-warning = problems met reading a file
style-heading = section headings
style-caption = photo captions
style-body = running text
style-selected = the selected list entry
style-selected-idle = the selected list entry while reading
style-border = borders
style-border-focused = the border of the pane with the focus
style-status = the status line
style-key = key names
style-matched = search matches
style-current-match = the search match you are on
style-passage = a bookmarked passage just opened
style-prompt = the text typed in a prompt
style-selection = text selected for a bookmark
style-gutter = the passage cursor
style-mark = the bookmark mark
style-unread = titles not read yet
feeds-set-aside = the feeds file could not be read; it was kept as { $path } and the subscriptions start afresh
feed-added = subscribed to { $name }: its articles go into { $section }/ (fetch them with `docbao fetch`)
feed-already = already subscribed, as { $name }
feed-removed = unsubscribed from { $name }; the articles it brought stay where they are
feed-unknown = no feed called { $name } (see `docbao feed list`)
feed-ambiguous = { $section } is the section of several feeds ({ $names }): name the one to remove
feed-none = no feeds yet: add one with `docbao feed add URL`
feed-imported = { $added ->
    [one] one feed added
   *[other] { $added } feeds added
}, { $known } already there
feed-bad-address = { $url } is not a web address (http:// or https://)
feed-not-a-feed = cannot subscribe to { $url }: { $why }
feed-page-names-none = { $url } is a web page that names no feed
feed-found-in-page = the page names a feed: { $url }
feed-unreachable = could not fetch { $url } now ({ $why }); subscribed all the same
feed-last-fetch = fetched { $when }: { $count ->
    [one] one new article
   *[other] { $count } new articles
}
feed-never-fetched = not fetched yet
feed-last-error = last error: { $error }
fetch-no-feeds = no feeds to fetch: add one with `docbao feed add URL`
fetch-no-folder = nowhere to put the articles: pass --into DIR, or set folder in the config file
fetch-summary = { $count ->
    [0] no new articles
    [one] one new article
   *[other] { $count } new articles
} in { $folder } ({ $feeds ->
    [one] one feed
   *[other] { $feeds } feeds
}{ $failed ->
    [0] {""}
    [one] , one failed
   *[other] , { $failed } failed
})
fetch-feed-done = ✓ { $name }: { $count ->
    [0] nothing new
    [one] one new article in { $section }/
   *[other] { $count } new articles in { $section }/
}
fetch-feed-unchanged = · { $name }: nothing new (not modified)
fetch-feed-failed = ✗ { $name }: { $why }{ $count ->
    [0] {""}
   *[other] {" "}({ $count } stored)
}
fetch-progress = { $done }/{ $feeds } feeds · { $articles }/{ $total } articles
fetch-status = the server answered { $code }
fetch-timeout = no answer in time
fetch-too-large = the answer is larger than { $limit } MB
fetch-redirects = too many redirects (or a redirect loop)
fetch-network = { $error }
fetch-page-not-feed = a web page, not a feed
fetch-not-feed = not a feed: { $error }
fetch-pages = { $count ->
    [one] one article not fetched (tried again next time)
   *[other] { $count } articles not fetched (tried again next time)
}
fetch-no-text = no article text in the page
fetch-write = cannot write { $path }: { $error }
note-fetch-already = the feeds are being fetched already
note-fetch-no-folder = feeds are fetched into a folder: open one (docbao FOLDER) to fetch into it
note-fetching = fetching the feeds…
note-fetch-progress = fetching the feeds: { $done }/{ $feeds } · { $articles }/{ $total } articles
note-fetched = { $count ->
    [0] no new articles
    [one] one new article
   *[other] { $count } new articles
} ({ $feeds ->
    [one] one feed
   *[other] { $feeds } feeds
})
note-fetched-one-failed = { $done }; { $name } failed: { $why }
note-fetched-failed = { $done }; { $failed } failed (see docbao feed list)
note-fetch-no-feeds = no feeds yet: subscribe with docbao feed add URL
note-fetch-no-data = no data folder, so no subscriptions: set DOCBAO_DATA_DIR
note-fetch-unreadable = the subscriptions cannot be read: { $error }
feed-name-taken = a feed is called { $name } already ({ $url }): give this one another name with --name
feed-last-tried = tried { $when }
