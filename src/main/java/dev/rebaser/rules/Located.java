package dev.rebaser.rules;

/** A rule together with where it was written, so later checks can point at it. */
record Located<T>(T value, Position where) {
}
