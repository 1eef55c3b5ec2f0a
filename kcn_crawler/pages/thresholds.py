"""The tuning numbers of the page objects, each named once with what it guards.

Lengths are in characters of cleaned text unless said otherwise; counts are of
elements or blocks.  Changing one changes what the crawler extracts: the replica's
ground truths (tests/crawl, tests/pages) are the check.
"""

from __future__ import annotations

# -- parsing (limits, depth) -----------------------------------------------------------
#: Longest run of text between two tags kept, in bytes (1 MiB: a whole book chapter).
MAX_TEXT_RUN = 1024 * 1024
#: Open elements kept when flattening markup too deep for libxml2; deeper containers lose
#: their tags, never their text.
MAX_DEPTH = 256
#: Open elements searched for the start tag an end tag closes (a stray end tag is dropped).
CLOSE_TAG_SEARCH = 64

# -- running text and labels -------------------------------------------------------------
#: A line this long (or longer) is running text: no date line, no label, the body's first
#: real paragraph.
RUNNING_TEXT_CHARS = 120
#: A text node longer than this (before cleaning) is not read for a date line or label.
LINE_SCAN_MAX_RAW = 300
#: A line longer than this never starts page furniture ("Tin liên quan", a box heading).
LABEL_LINE_MAX_CHARS = 60
#: A chrome label read by the boilerplate list is at most this long ("Tin mới", "Video").
LABEL_MAX_CHARS = 40
#: A box heading (the text before a list's first item) is at most this long.
BOX_HEADING_MAX_CHARS = 80

# -- date lines --------------------------------------------------------------------------
#: A date line holds at most this many characters besides its slack.
DATE_LINE_MAX_CHARS = 90
#: Characters a date line may hold besides its date, label and noise (the strict default,
#: and inside the body).
DATE_LINE_SLACK = 12
#: The same, for a line near the title, outside the body (a source, an author beside it).
DATE_LINE_SLACK_NEAR_TITLE = 40
#: The same, for a listing entry's line (a view counter, a category beside the date).
DATE_LINE_SLACK_ENTRY = 24
#: The same, for a title candidate: a line that is a date with this slack is no title.
DATE_LINE_SLACK_TITLE = 20
#: The same, for a date line after the body: nothing but the date and its noise.
DATE_LINE_SLACK_CLOSING = 0
#: Words a date line may hold besides its date, label and noise.
DATE_LINE_MAX_WORDS = 6

# -- the title's vicinity (vicinity.py) --------------------------------------------------
#: Elements after the title searched for its date line.
DATE_NEAR_ELEMENTS = 60
#: Characters of text after the title read before the date search gives up.
DATE_NEAR_BUDGET = 400
#: A table row or block holding the title is searched for a glued date up to this length.
TITLE_ROW_MAX_CHARS = 500
#: A date line and its paragraph are the same line when the paragraph is at most this much
#: longer.
SAME_LINE_SLACK = 2
#: Descendants of a date's element searched for an element of its own (``<time>``).
MARKED_DATE_DESCENDANTS = 40
#: Ancestors of a date's element that may name it a date (``div.news-date > span``).
MARKED_DATE_ANCESTORS = 2
#: Characters of a labelled line's element read for the date after the label.
LABELLED_DATE_CHARS = 200
#: Elements after the title searched for the lead.
LEAD_NEAR_ELEMENTS = 40
#: A lead (marked by nothing but standing alone, or wholly bold or italic) is this long.
MIN_LEAD_CHARS = 60
#: Characters at the start of a lead candidate that must hold no date (a date line).
LEAD_DATE_FREE_CHARS = 40

# -- the fast path and the body's head and tail (article.py) -----------------------------
#: A selector set's body candidate holds more characters than this (a sentence's worth).
MIN_BODY_CHARS = 80
#: A selector set's title matches the listing's link text at least this well (token F1),
#: else the layout's class names mean something else on the site.
MIN_LAYOUT_TITLE_MATCH = 0.5
#: Shortest title.
TITLE_MIN_CHARS = 6
#: Longest title.
TITLE_MAX_CHARS = 400
#: Blocks at the body's top searched for a repeated title, a date line, a meta line.
HEAD_BLOCKS = 3
#: A top block repeats the title when at most this much longer (a date beside it).
REPEATED_TITLE_SLACK = 40
#: Blocks at the body's top where a lead may stand.
LEAD_BLOCKS = 2
#: Blocks at the body's end searched for a date line or the ``Nguồn: …`` line.
TAIL_BLOCKS = 3

# -- the body's blocks (body.py) ---------------------------------------------------------
#: Characters of class names kept around a block (the nearest ones).
HINTS_MAX_CHARS = 300
#: A table with images is an image with its caption up to this many characters ...
IMAGE_TABLE_MAX_CHARS = 400
#: ... and this many rows.
IMAGE_TABLE_MAX_ROWS = 4
#: A table cell or block holding more text than this is prose (a layout table).
PROSE_CHARS = 300
#: Line breaks in a cell of prose (paragraphs separated by ``<br>`` only).
PROSE_CELL_MIN_BREAKS = 2
#: A caption marked by its place (italic after an image, wrapped with it) is this long at
#: most.
CAPTION_MAX_CHARS = 300
#: A caption written as an ordinary paragraph is one short sentence, this long at most.
PLAIN_CAPTION_MAX_CHARS = 200
#: Levels above an image searched for a wrapper shared with its caption.
CAPTION_WRAPPER_DEPTH = 3
#: A wrapper holds nothing but the image and its caption (give or take this many chars).
CAPTION_WRAPPER_SLACK = 2
#: An image this many pixels wide or high, or smaller, is decoration.
ICON_MAX_PIXELS = 32

# -- the body's end (signature.py) -------------------------------------------------------
#: A signature line is at most this long ...
SIGNATURE_MAX_CHARS = 80
#: ... and this many words.
SIGNATURE_MAX_WORDS = 12
#: A signer's name is at most this long ...
NAME_MAX_CHARS = 60
#: ... and this many words.
NAME_MAX_WORDS = 8
#: A signature line's inline parts (name and role side by side) are at most this many.
SIGNATURE_MAX_PARTS = 8
#: Characters at a line's start searched for "Nguồn" (a source line).
SOURCE_LABEL_CHARS = 12
#: An element after the body signs it only when this short.
SIGNS_MAX_CHARS = 200
#: Lines of an element after the body that signs it: a name, and a role.
SIGNS_MAX_LINES = 2
#: Levels above the body searched for the signature after it.
SIGNATURE_LEVELS = 2
#: An element after the body with more children than this is a box, never a signature
#: (and the body's continuation ends before it).
BOX_MIN_CHILDREN = 12

# -- the generic fallback (fallback.py) ----------------------------------------------------
#: Fewer characters than this outside links, and no link (to an attachment, say), is no
#: article text: what is left of a page whose content box came empty.
FALLBACK_MIN_TEXT = 80
#: A paragraph holds at least this many characters of its own.
PARAGRAPH_MIN_CHARS = 25
#: A paragraph's score: 1 + commas + its length / this ...
PARAGRAPH_CHARS_PER_POINT = 100.0
#: ... counted up to this many points.
PARAGRAPH_MAX_LENGTH_POINTS = 3.0
#: A paragraph inside a link counts this share of its score.
LINKED_PARAGRAPH_WEIGHT = 0.2
#: A paragraph's grandparent gets this share of its score.
GRANDPARENT_SHARE = 0.5
#: A paragraph wrapped alone counts at its outermost wrapper holding at most this much
#: more text.
WRAPPER_SLACK = 20
#: The body widens to its parent when its siblings score this share of its score.
WIDEN_SHARE = 0.25
#: A body (or a sibling continuing it) whose text is more than this share links is a list.
LINK_DENSITY = 0.5
#: An element named as chrome holds fewer pieces of running text than this (a "navi-main"
#: layout cell holding the article is no chrome).
CHROME_MAX_RUNNING_TEXTS = 3
#: A text node longer than this is never a box's label.
LABEL_NODE_MAX_RAW = 200
#: A label among more running text than this (plus its length) is a line of the body.
LABEL_AMONG_TEXT = 300
#: A side box headed by a label holds at most this much more than the label.
LABELLED_BOX_ROOM = 300
#: A side box no article carries ("Lịch công tác") holds at most this much text.
NEVER_CONTENT_BOX_ROOM = 3000
#: Levels a label's box climbs.
BOX_CLIMB = 8
#: A heading that holds nothing yet but its label (and this many characters) may take in
#: running text.
BOX_LABEL_SLACK = 20
#: The site footer holding the publisher's notice is at most this long.
SITE_FOOTER_MAX_CHARS = 1000
#: Siblings after the body that may continue it.
CONTINUATION_MAX = 12

# -- the title (headline.py) -------------------------------------------------------------
#: A title candidate's score by its tag.
HEADING_SCORES = {"h1": 50.0, "h2": 46.0, "h3": 42.0, "h4": 38.0, "h5": 30.0, "h6": 30.0}
#: The score of an element named as a title (``div.tieude``).
TITLE_CLASS_SCORE = 44.0
#: The score of a bold line standing alone.
BOLD_LINE_SCORE = 26.0
#: The score of a plain line of its own close to the body (SharePoint's bare ``<td>``).
PLAIN_LINE_SCORE = 20.0
#: A plain line counts as a title only this many elements before the body's first paragraph.
PLAIN_LINE_REACH = 40
#: A plain line title is at most this long ...
PLAIN_LINE_MAX_CHARS = 300
#: ... and at least this many words.
PLAIN_LINE_MIN_WORDS = 3
#: Score lost per element between a candidate and the body's first paragraph ...
DISTANCE_PENALTY = 0.15
#: ... counted up to this many elements.
DISTANCE_MAX = 300
#: Score lost by a candidate ending like a sentence ("." ";" ":").
SENTENCE_PENALTY = 12.0
#: A candidate matching the listing's link text this well (token F1) wins ...
LISTING_MATCH = 0.6
#: ... with this bonus per unit of match.
LISTING_MATCH_BONUS = 100.0
#: A listing's link text cut with "..." matches a title it starts when this long.
TRUNCATED_TITLE_MIN_CHARS = 10
#: A candidate whose text is this share links is a breadcrumb or a list of links.
TITLE_LINK_SHARE = 0.5
#: A bold element stands alone when its block has at most this many children ...
STANDALONE_MAX_CHILDREN = 6
#: ... and at most this many characters besides it.
STANDALONE_SLACK = 3
#: The body's first real paragraph has at most this many children.
PARAGRAPH_MAX_CHILDREN = 12
#: A line longer than this is not searched for a date at its edge.
EDGE_DATE_MAX_CHARS = 600
#: A date in a child element of its own: the child holds at most this much more ...
GLUED_DATE_SLACK = 16
#: ... and the title at least this much besides.
GLUED_TITLE_MIN_REST = 3

# -- listings (listing.py, entry_dates.py, pager.py) -----------------------------------
#: Levels above a list's first item searched for its box heading.
BOX_HEADING_LEVELS = 4
#: An archive answer's list scores each item dated the day this much ...
ARCHIVE_DAY_WEIGHT = 10.0
#: ... and the whole answer is multiplied by this.
ARCHIVE_ANSWER_FACTOR = 4
#: An entry with this much text outside its links has a lead.
ENTRY_LEAD_CHARS = 60
#: Bonus share of the listing's score for dated items, and for items with a lead.
ENTRY_BONUS = 0.5
#: A list beside the pager (or headed by the archive label): its score times this ...
NEAR_PAGER_FACTOR = 2
#: ... plus this.
NEAR_PAGER_BONUS = 3.0
#: Levels above a pager control that may hold the list.
PAGER_REACH = 7
#: A block above the main list joins it with at most this many items (or half the list's).
COMPANION_MAX_ITEMS = 3
#: A box heading is at most this long.
HEADING_MAX_CHARS = 100
#: A heading not named as one has at most this many children.
HEADING_MAX_CHILDREN = 3
#: A paging label is at most this long.
PAGE_LABEL_MAX_CHARS = 40
#: A page number has fewer digits than this.
PAGE_NUMBER_MAX_DIGITS = 6
#: Levels above the first paging control searched for the pager.
PAGER_LEVELS = 3

# -- the archive form (archive.py) -------------------------------------------------------
#: A date input named ``…DateTimeControlDate`` scores this ...
FORM_DATE_CONTROL_SCORE = 4
#: ... one named as another date input this ...
FORM_DATE_NAME_SCORE = 2
#: ... one after the archive label this ...
FORM_LABEL_SCORE = 3
#: ... one of the search box loses this.
FORM_SEARCH_PENALTY = 5
#: A text input is the date input from this score.
FORM_MIN_SCORE = 2
#: A "Xem" control before the date input is this much farther than one after it.
FORM_BUTTON_BEFORE_PENALTY = 2
