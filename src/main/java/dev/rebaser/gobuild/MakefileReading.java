package dev.rebaser.gobuild;

import java.util.List;
import java.util.Optional;

/**
 * What an image Makefile says about building its Go programs: either the binaries of
 * Kubernetes' {@code image-util.sh bin $(SRCS)} convention, or why the Makefile is of
 * another shape, so that the image is built from its Dockerfile alone.
 */
public sealed interface MakefileReading {

	/**
	 * The Makefile follows the convention. {@code golangVersion} is its
	 * {@code GOLANG_VERSION} unless that is unset, empty or {@code latest};
	 * {@code ldFlags} and {@code goFlags} are its {@code LD_FLAGS} and {@code GOFLAGS}
	 * when it sets them, which {@code export} hands to image-util.sh; {@code srcsLine} is
	 * the 1-based line SRCS is first assigned on.
	 */
	record GoBinaries(List<GoBinary> binaries, Optional<String> golangVersion, Optional<String> ldFlags,
			Optional<String> goFlags, int srcsLine) implements MakefileReading {

		public GoBinaries {
			binaries = List.copyOf(binaries);
		}

	}

	/**
	 * Not the convention, or not something this reader can be sure of without running
	 * make; {@code line} is 1-based, 0 for the whole file.
	 */
	record OtherShape(String reason, int line) implements MakefileReading {
	}

}
