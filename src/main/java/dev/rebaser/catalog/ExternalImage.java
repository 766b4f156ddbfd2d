package dev.rebaser.catalog;

/** One entry of the external catalog YAML. */
record ExternalImage(String name, String version, String reference, ExternalSource source) {
}
