"""The forms page furniture takes, as data: one row a general form, with what it is and why it
is not news. `furniture.py` compiles each table into one pattern and applies it.

A row names a form many sites share (a comment header with its time and author, a photo credit
with its agency), never one outlet's wording. Rows are regular-expression text; a table's rows are
tried in order, as the branches of one alternation, so an earlier row wins at the same place.
"""

from __future__ import annotations

from typing import NamedTuple

from timeline.store.dates import MONTH_WRITTEN, WEEKDAY_WRITTEN


class Form(NamedTuple):
    """One form of furniture: its pattern and, in a line, what it is."""

    pattern: str
    what: str


def alternation(forms: tuple[Form, ...]) -> str:
    """The rows of a table as one non-capturing alternation, in order."""
    return "(?:" + "|".join(form.pattern for form in forms) + ")"


# -- the pieces rows are made of ----------------------------------------------------------------
WEEKDAY = rf"{WEEKDAY_WRITTEN}\.?"
MONTH = rf"{MONTH_WRITTEN}\.?"
CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?(?:\s+\d{{4}})?|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,?\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
SENTENCE_START = (
    r"(?:The|A|An|I|He|She|It|They|We|You|This|That|These|Those|In|On|At|As|But|And|What|When"
    r"|Where|Why|How|If|After|Before|While|Some|Many|More|Most|One|Two|Three)"
)
"""Words that open a sentence, so a credit's name never runs on into the caption's text."""
NAME = r"[\w.'@-]{1,40}(?: [\w.'@-]{1,30}){0,3}"
"""A commenter's handle or name: one to four words."""

# -- reader comments -----------------------------------------------------------------------------
COMMENT_MARKS = (
    Form(
        rf"\bAt {CLOCK}(?:\s*(?:on\s+)?{DATE})?,\s*{NAME} wrote:",
        "a comment's header: when it was posted, then who wrote it ('At 5:42 pm, sam wrote:')",
    ),
    Form(rf"\b{NAME} wrote:\s*$", "a line that ends on who wrote the comment below it"),
    Form(rf"\bPosted by:? {NAME}\s*\|", "a comment's signature line, its fields split by bars"),
    Form(r"\|\s*Report (?:abuse|as abusive)\b", "the report link beside each comment"),
    Form(r"\bThis comment (?:was|has been) removed\b", "what a moderator leaves of a comment"),
    Form(
        rf"\b{CLOCK}\s*(?:on\s+)?{DATE}\s*(?:\||·)\s*(?:Report(?: abuse)?|Reply|Recommend)\b",
        "a comment's time stamp followed by its buttons (report, reply, recommend)",
    ),
)
"""Marks that a reader's comment begins or ends here (matched case-blind, per line)."""

COMMENT_HEADINGS = (
    Form(
        r"^\W{0,3}(?:\d[\d,]*\s+)?(?:(?:reader|readers'?|user|your|all|top|latest|newest|oldest)\s+)?"
        r"(?:comments?|responses|discussion|reactions?)(?:\s*\(\d[\d,]*\))?\s*:?\s*$",
        "a heading that counts or names the comments ('152 Comments', 'Reader comments (3)')",
    ),
    Form(
        r"^\W{0,3}(?:have your say|most recommended|join the (?:debate|conversation|discussion)"
        r"|leave a (?:comment|reply)|post a comment|add your comment)\b.{0,40}$",
        "a heading that asks the reader to comment",
    ),
)
"""A short line of its own that opens the comment section."""

COMMENT_SYSTEM = (
    Form(
        r"\b(?:comments?|commenters?|commenting|reader posts?)\b[^.!?\n]{0,80}?"
        r"\b(?:log(?:ged)? in|sign(?:ed)? in|moderat\w+|abusive|badges?|house rules|are closed"
        r"|not all \w+ will be published|may edit|do not represent|policy|guidelines"
        r"|will be removed|report(?:ing)? a comment|we welcome)\b",
        "the site's rules for comments: signing in, moderation, policy, whose views they are",
    ),
    Form(r"\b(?:we welcome|report|recommend) (?:this )?comments?\b", "a comment system's buttons"),
)
"""A sentence of the comment system itself, anywhere on the page."""

COMMENTS_CLOSED = (
    Form(r"this discussion is (?:now )?closed", "the notice under a thread that was shut"),
    Form(
        r"comments? (?:on|for|to) this (?:story|article|post|entry|page) (?:is|are|has been"
        r"|have been) (?:now )?closed",
        "the same notice, naming the page",
    ),
    Form(r"comments (?:are|have been) (?:now )?closed", "the same notice, short"),
    Form(r"commenting (?:is|has been) (?:now )?(?:closed|disabled)", "the same, of commenting"),
)
"""The notice a comment system leaves under a thread it has shut, ending its line."""

# -- credits and captions ------------------------------------------------------------------------
AGENCIES = (
    r"(?:AP|AFP|EPA|PA|Reuters|Getty(?: Images)?|Corbis|Rex(?: Features)?|Bloomberg|"
    r"Associated Press|Xinhua|Shutterstock|Alamy)"
)
"""News and picture agencies, whose names end photo credits."""

CREDITS = (
    Form(r"\((?:[A-Z]{2,}\s+)?Photos?\b[^()\n]{0,80}\)", "a credit in brackets: '(AP Photo/...)'"),
    Form(rf"\([A-Z][\w.' -]{{1,40}} [-/–] {AGENCIES}\)", "a photographer and agency in brackets"),
    Form(
        r"\b(?:Photograph|Photo(?:graph)?s?(?: credit)?|Picture|Image|Pic|Credit|Illustration"
        r"|Composite)\s*:\s*"
        rf"(?:(?!{SENTENCE_START}\b)[A-Z][\w.'-]*\s?){{1,4}}(?:\s*[\\/]+\s*[A-Z][\w.&'-]*"
        r"(?: Images| Pictures| Features| Photos)?)*",
        "a labelled credit: 'Photograph: name/agency', 'Illustration: name', up to where the"
        " caption's sentence starts",
    ),
    Form(
        rf"\b(?:[A-Z][\w.]+[\\/])*{AGENCIES}[\\/]{AGENCIES}\b",
        "a chain of credits split by slashes that ends in two agencies",
    ),
    Form(
        r"\bImage (?:caption|copyright)\b[^\n]*?(?=$|(?<=[.!?])\s)",
        "an image's caption or copyright label and its text",
    ),
    Form(
        r"\b[Cc]an ?not play (?:this )?(?:media|video)\b\.?|"
        r"\b(?:Sorry, )?[Tt]his (?:media|video) is not available\b[^.\n]*\.?",
        "what an embedded player says where its clip cannot be shown",
    ),
    Form(
        r"\b(?:19|20)\d{2}\s+(?:(?:[A-Z][\w.&'-]*|and|of|&)\s+){1,8}?"
        r"(?:Limited|Ltd\.?|Inc\.?|LLC|plc|PLC|Corporation|Corp\.?|Company|Group)\b,?\s+"
        r"(?:or\s+its\s+affiliated\s+companies|[Aa]ll\s+rights\s+reserved)\.?",
        "a copyright notice that lost its sign in scraping: '2031 Kestrel Media Limited or its"
        " affiliated companies', a year and an owner and the notice's closing words",
    ),
)
"""A photo credit or caption marker (see furniture._credit_end for how far it reaches)."""

WIRE_CREDITS = (
    Form(
        r"\((?:(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Produced) by "
        r"[^()\n]{2,200})\)",
        "a wire story's closing credit: who reported, wrote or edited it",
    ),
)

# -- wire copy glued onto a sentence (title_heads takes them off a title) ------------------------
EDIT_NOTES = (
    Form(
        r"[(\[]\s*(?:Adds|Updates?|Recasts|Corrects?|Changes|Rewrites|Repeats|Refiles|Fixes|Removes|"
        r"Inserts|Clarifies|Writes\s+through|Wraps|Edits|Combines|Moves|Tops|Replaces|Re-?issues|"
        r"Re-?leads|Fills|Deletes|Amends|Restores|New\s+throughout)\b[^()\[\]\n]{0,200}[)\]]",
        "an editor's note on what a new version of a wire story changed",
    ),
)
STORY_IDS = (
    Form(r"[(\[]\s*(?:Story\s+)?ID\s*:\s*[\w.-]{4,}\s*[)\]]", "a wire story's id tag"),
    Form(
        r"(?-i:\((?:(?:NYSE|NASDAQ|Nasdaq|LSE|AMEX|TSX|ASX|HKEX|Euronext|OTC)\s*:\s*"
        r"[A-Z][A-Z0-9.]{0,7}|[A-Z][A-Z0-9]{0,5}\.\s?[A-Z]{1,2})\))",
        "a company's stock ticker: an exchange's code or a symbol with its market letter",
    ),
)
PAGE_ERRORS = (
    Form(
        r"[(\[]\s*an error occurred while processing this directive\s*[)\]]",
        "a web server's failed include, printed into the text where a box should have been",
    ),
)
"""What a broken page prints into its text: taken off a title like a story id, the sentence
around it kept."""
GLUED_CREDITS = (
    Form(
        r"(?:\((?:AP|AFP|EPA|PA|Reuters)\)\s*)?"
        r"(?:AP|AFP|EPA|PA|Reuters|Getty(?:\s+Images)?|Xinhua|Bloomberg|Rex|Corbis)(?:/[\w.]+)?"
        r"\s?(?:Photo\s*)?(?:19|20)\d{2}(?=\s+[A-Z\"“])",
        "an agency's photo credit and its year run into the words after it, an agency's tag in"
        " brackets before it or not ('(AP) AP2031 Crews ...')",
    ),
)
WIRE_DATELINE = (
    rf"(?:[A-Z][A-Z.'’-]+(?:[ ,/]+[A-Z][A-Za-z.'’-]+){{0,3}},?\s+(?:{DATE}\s*)?"
    r"\((?:[A-Z][\w&.-]*\s?){1,3}\)\s*(?:-{1,2}|[–—])\s+"
    r"|[A-Z][A-Z'’]{2,}(?:[ -][A-Z][A-Z.'’]{1,})*(?:,\s+[A-Z][a-z]{1,4}\.?)?\s+(?:--|[–—])\s+)"
)
"""A dateline, place in capitals, the date and the agency ("KESTREL BAY, March 4 (Newswire)
- "), or a paper's own, place in capitals and a long dash ("KESTREL BAY -- ", "PORT ELLA,
Md. — "): where the story proper begins, whatever teaser or headline comes before it."""
LIST_LEAD_IN = r"(?::\s*(?:-{1,2}|[–—])?|\s(?:-{2}|[–—]))\s*$"
"""A sentence ending on a colon or a dash ("Other bills moving include: --"): it only opens
the list or the words after it, and says nothing alone."""
LIST_OPENING = (
    r"^[^:.!?]{0,120}?\b(?:include|includes|included|including|are|were|the\s+following)\s*:"
    r"\s*(?:-{1,2}|[–—•*])\s*(?=[A-Z\"“])"
)
"""A list's lead-in run into its first item ("Other bills moving include: -- The committee
approved ..."): the item is what happened, the lead-in only opens the list."""

# -- navigation, sharing and small print ---------------------------------------------------------
NAV_OPENERS = (
    Form(r"share (?:this|on)|follow us|like us on", "sharing and following on social networks"),
    Form(r"sign up (?:for|to)|subscribe (?:to|now|for)", "newsletters and subscriptions"),
    Form(r"click here|read more\b|see also|print this|e-?mail this", "links and page actions"),
    Form(
        r"(?:content and programming )?copyright\b|©|all rights reserved|advertisement\b",
        "copyright lines and advertising labels",
    ),
    Form(
        r"(?:the )?associated press contributed|[\w ,.&]{2,60} contributed to this report",
        "a note of who else contributed to the report",
    ),
    Form(r"this (?:material|article|story) may not be", "terms of reuse"),
    Form(
        r"to refresh page|skip to (?:main )?content|back to top|jump to",
        "page controls for reloading, skipping or jumping",
    ),
    Form(
        r"(?:here(?:'s| is| are)\s+)?(?:a\s+)?(?:summary|roundup|round-up|recap|rundown|timeline)"
        r"\s+of\s+(?:(?:the\s+)?(?:day's\s+|latest\s+|key\s+|main\s+)?"
        r"(?:events|developments|news|what\s+happened))\b"
        r"|here(?:'s| is)\s+(?:a\s+look\s+at\s+)?(?:what\s+we\s+know|the\s+latest)\b",
        "a heading over a round-up of the day's events, which follow as their own sentences",
    ),
)
"""How a sentence or line of navigation, sharing or legal small print opens; it runs to the end
of its sentence."""

NAV_WORDS = (
    Form(r"share|tweet|print|e-?mail", "sharing buttons"),
    Form(r"comments?|advertisement|related", "section labels"),
    Form(r"home|menu|search|more|next|previous|top of page|back to top", "site navigation"),
    Form(r"read more|see more", "links on"),
    Form(r"sign in|log ?in|register|subscribe|newsletter", "account and subscription links"),
    Form(r"most (?:popular|read|viewed|shared|emailed)|trending|top stories", "story lists"),
)
"""A line that is nothing but one of these (give or take punctuation) is navigation."""

LIST_HEADINGS = (
    Form(
        r"related(?: stories| articles| links| content| coverage| news| topics)?"
        r"|more on this story",
        "a list of stories on the same subject",
    ),
    Form(
        r"top stories|(?:more|top|latest|other) headlines|most (?:popular|read|viewed|shared)"
        r"|more from [\w .]{2,30}",
        "a list of the site's popular or other stories",
    ),
    Form(
        r"you might also like|recommended(?: stories| for you)?|also on [\w .]{2,30}"
        r"|elsewhere on the web|in other news|latest news|more stories",
        "a list of recommended stories",
    ),
)
"""Headings above a list of other stories, whose short title lines follow."""

# -- bylines, live chats and story titles --------------------------------------------------------
BYLINE = (
    rf"^(?:By|BY|Words by|Written by)\s+(?!(?:{WEEKDAY}|{MONTH}|The|Then|Now|Late|Early)\b)"
    r"(?:[A-Z][\w'’.-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'’.-]+|[A-Z]\.|de|van|von|al|bin)){1,4}"
    r"(?:\s+and\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})?"
    r"(?:\s*(?:\||,|;| - | – )\s*(?:"
    rf"[^\n|]{{0,60}}?{CLOCK}[^\n]{{0,12}}?(?:ET|GMT|BST|EDT|EST|PM|AM)\b"
    r"|[A-Z][\w ,.&']{0,60}?(?:Writer|Reporter|Correspondent|Editor|Staff|Press|News|Reuters))"
    r"|\s*$)"
)
"""A byline: "By" and two to four capitalised words (no weekday or month), then its end: the
line's end, a time stamp, or the writer's role or desk."""
CHAT_QUESTION = (
    r"^(?:[A-Z][a-z]+[ .-]){0,2}[A-Z][a-z]+,\s+(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z]{2}|"
    r"[A-Z][a-z]{3,}):\s+\S"
)
"""A reader's question in a live web chat, signed with a place: "Fairfax, Va.: Why ...?"."""
CREDIT_LINE = (
    r"\n[ \t]*(?:Photograph|Photo|Picture|Pic|Illustration|Composite)s?"
    r"(?::[ \t]*[A-Z]|[ \t]+[A-Z][\w.' -]{0,40}?[\\/][ \t]*[A-Z])"
)
"""A photo or drawing credit opening a line ("Photograph: Ann Holt/AP", "Illustration: Bo
Lind"): the line above it is the picture's caption."""
STAMP_BEFORE_CAPTION = rf"{CLOCK}\s*(?:BST|GMT|CET|EST|EDT|ET|UTC)\b\s*"
"""A page's time stamp ("19.39 BST"), after which the caption of its top picture starts."""
PICTURE_DATE = (
    rf"\b{WEEKDAY},?\s+(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}})\b"
)
"""A weekday with its full date and year ("Thursday, May 6, 2031", "Thu 6 May 2031"): a
picture's caption dates itself so; a report says "on Thursday"."""
STATE_PLACE = (
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|"
    r"Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.\s?[CDHJMY]|Okla|Ore|Pa|R\.\s?I|"
    r"S\.\s?[CD]|Tenn|Va|Vt|Wash|Wis|W\.\s?Va|Wyo)\.(?=,|\s)"
)
"""A town placed in its US state the wire's way ("Kelso, Ore.", "Port Tessa, Del.")."""
PICTURE_PART = (
    r"\b(?:(?:top|bottom|upper|lower|far|centre|center)[ -](?:left|right|centre|center)"
    r"|(?:second|third|fourth|far)\s+(?:from\s+)?(?:left|right)|from\s+left\s+to\s+right)\b"
    r"|\((?:pictured|inset|left|right|centre|center|above|below|foreground|background)\)"
    r"|,\s+pictured(?=[,.])"
)
"""Where in a picture something is ("bottom left", "second from right", "(pictured)",
"(inset)"): only a caption points into its picture so."""
PICTURE_POINTING = (
    r"\b(?:shows?|showed|[a-z]{3,}ed|sent|made|threw|left)\s+(?:this|these)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:plumes?|clouds?|fireballs?|columns?|pillars?|flash|glow|smoke|craters?|wreckage|scenes?)\b"
)
"""A verb pointing at what the reader sees ("released this plume of smoke", "left these
craters"): a caption of an old picture, told in the past."""
PHOTO_OPENING = (
    r"\bIn\s+this\s+(?:[\w,.]+\s+){0,6}?(?:file\s+|handout\s+|undated\s+)?"
    r"(?:image|photo|photograph|picture|frame|still|video\s+(?:image|frame|grab))(?![\w-])"
)
"""A wire caption's opening with its picture's date ("In this Sunday, May 2, 2031 file photo,
..."): whatever follows tells the picture, not the news."""
TRAILING_DATE = (
    rf",\s+(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?)"
    r"\s+\d{4}(?=[.!?]?[\"”']?(?:\s*$|\s+[A-Z\"“]))"
)
"""A full date closing a sentence after a comma, no weekday ("..., Tarn Point, La., May 1,
2031."): where a wire caption dates its picture; a report puts "on" before its date."""
HEADLINE_LIST = r"\s[-–—]\s\d{1,2}\s(?:hrs?|hours?|mins?|minutes?|days?)\sago\b"
"""A headline's age in a feed of other stories ("... fund - 2 hrs ago")."""
HEADLINE_LIST_MIN = 2
"""Ages in one sentence that make it a run of headlines from a feed, not a report."""
TITLE_LINE = r"^\W{0,3}\S(?:[^\n]{0,118}[^\s.!?:;,])?\s*$"
"""A short line with no final punctuation: a story's title in a list."""
TITLE_RUN_MIN = 3
"""Title lines in a row, under no heading, that make a list of other stories' links (a
headline and its standfirst are two)."""
