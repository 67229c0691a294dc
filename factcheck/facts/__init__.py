"""Facts with frames, aligned into slots: the unit the count and toll rules compare.

`frames` reads, from a sentence's dependency parse, what each value is said about (the
counted thing, its role, polarity); `slots` joins the frames of one event that speak of
one quantity across sources; `positions` tells, within a slot, which values agree and
whether a difference is a conflict or the timeline of a developing story (`rules.positions`).
"""
