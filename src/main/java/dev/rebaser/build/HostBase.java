package dev.rebaser.build;

/** One target base on one host; error says why the host could not be asked. */
public record HostBase(String host, String target, String reference, String suite, String arch, boolean present,
		boolean usable, String imageId, String architecture, String error) {
}
