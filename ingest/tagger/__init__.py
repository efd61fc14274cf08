"""The tagger: text and a publication date in, temporal expressions (TIMEX3) out."""
