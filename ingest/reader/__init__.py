"""The sentence reader: an article's sentences and their temporal expressions in, mentions out
(what each sentence says happened, with its date as read and where it stands)."""
