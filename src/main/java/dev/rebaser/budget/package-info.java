/**
 * The processor time a request may take, behind every per-input limit: set by the web
 * layer for a request, checked by the core's loops whose work grows with their input.
 * Plain Java with no dependency, so that every core package may use it.
 */
package dev.rebaser.budget;
