/**
 * Text as the service takes it: strict UTF-8, with where it stops being UTF-8. Plain Java
 * with no dependency, so that every core package may use it.
 */
package dev.rebaser.text;
