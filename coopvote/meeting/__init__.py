"""The meeting's definition: the spec reader and its validation, and the quorum rules it names."""
