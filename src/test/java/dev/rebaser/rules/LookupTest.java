package dev.rebaser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookupTest {

	static final RuleSet RULES = RuleSet.builtin();
	static final Target MIPS = RULES.target("debian-bookworm", "mips64le").orElseThrow();
	static final Target AMD64 = RULES.target("debian-bookworm", "amd64").orElseThrow();
	static final Target FEDORA = RULES.target("fedora-40", "amd64").orElseThrow();

	@Test
	void bindToolsBecomesDnsutilsOnDebianAndBindUtilsOnFedora() {
		assertThat(RULES.packagesFor("bind-tools", MIPS))
			.isEqualTo(new PackageMapping.Install("package:bind-tools", List.of("dnsutils"), true));
		assertThat(RULES.packagesFor("bind-tools", FEDORA))
			.isEqualTo(new PackageMapping.Install("package:bind-tools", List.of("bind-utils"), true));
	}

	@Test
	void muslDevNeedsNothingAndSaysWhy() {
		PackageMapping mapping = RULES.packagesFor("musl-dev", MIPS);

		assertThat(mapping).isInstanceOf(PackageMapping.NothingNeeded.class);
		PackageMapping.NothingNeeded nothing = (PackageMapping.NothingNeeded) mapping;
		assertThat(nothing.ruleId()).isEqualTo("package:musl-dev");
		assertThat(nothing.reason()).contains("glibc");
		assertThat(RULES.packagesFor("musl-dev", FEDORA)).isInstanceOf(PackageMapping.NothingNeeded.class);
	}

	@Test
	void anUnknownPackageIsUnmapped() {
		assertThat(RULES.packagesFor("no-such-alpine-package", MIPS))
			.isEqualTo(new PackageMapping.Unmapped("no-such-alpine-package", Optional.empty()));
	}

	@Test
	void aRuleWithoutFedoraNamesIsUnmappedOnFedoraButNamesItsRule() {
		assertThat(RULES.packagesFor("gosu", FEDORA))
			.isEqualTo(new PackageMapping.Unmapped("gosu", Optional.of("package:gosu")));
	}

	@Test
	void aliasesAnswerForTheirRule() {
		assertThat(RULES.packagesFor("php81-curl", MIPS))
			.isEqualTo(new PackageMapping.Install("package:php82-curl", List.of("php-curl"), true));
		assertThat(RULES.packagesFor("py-pip", MIPS))
			.isEqualTo(new PackageMapping.Install("package:py3-pip", List.of("python3-pip"), true));
	}

	@Test
	void theIssuesPackageFamiliesAreCovered() {
		for (String name : List.of("build-base", "gcc", "openssl-dev", "iproute2", "iputils", "coreutils", "util-linux",
				"shadow", "su-exec", "tini", "ca-certificates", "tzdata", "nfs-utils", "open-iscsi", "ceph-common",
				"glusterfs", "py3-yaml", "perl-json", "php82-mbstring", "netcat-openbsd", "curl", "bash",
				"libc6-compat", "alpine-sdk")) {
			assertThat(RULES.packagesFor(name, MIPS)).as(name).isNotInstanceOf(PackageMapping.Unmapped.class);
		}
	}

	@Test
	void appletsMapToThePackagesThatProvideThem() {
		assertThat(RULES.appletPackages("ps", MIPS))
			.isEqualTo(new PackageMapping.Install("applet:ps", List.of("procps"), true));
		assertThat(RULES.appletPackages("nc", MIPS))
			.isEqualTo(new PackageMapping.Install("applet:nc", List.of("netcat-openbsd"), true));
		assertThat(RULES.appletPackages("ping", FEDORA))
			.isEqualTo(new PackageMapping.Install("applet:ping", List.of("iputils"), true));
		assertThat(RULES.appletPackages("pgrep", MIPS))
			.isEqualTo(new PackageMapping.Install("applet:ps", List.of("procps"), true));
		for (String applet : List.of("wget", "ip", "ifconfig", "vi", "less", "xxd")) {
			assertThat(RULES.appletPackages(applet, MIPS)).as(applet).isInstanceOf(PackageMapping.Install.class);
		}
		assertThat(RULES.appletPackages("sed", MIPS)).isInstanceOf(PackageMapping.NothingNeeded.class);
		assertThat(RULES.appletPackages("awk", FEDORA))
			.isEqualTo(new PackageMapping.Install("applet:awk", List.of("gawk"), true));
	}

	@Test
	void nginxAlpineBecomesTheDebianBasedOfficialImageWhereOneCanBePulled() {
		assertThat(RULES.baseImageFor("nginx:1.15-alpine", AMD64))
			.isEqualTo(new BaseImageChoice.Official("base-image:nginx-alpine", "nginx:1.15"));
		assertThat(RULES.baseImageFor("docker.io/library/redis:5.0.5-alpine", AMD64))
			.isEqualTo(new BaseImageChoice.Official("base-image:redis-alpine", "redis:5.0.5"));
		assertThat(RULES.baseImageFor("httpd:2.4.38-alpine", AMD64))
			.isEqualTo(new BaseImageChoice.Official("base-image:httpd-alpine", "httpd:2.4.38"));
		assertThat(RULES.baseImageFor("golang:1.21-alpine3.18", AMD64))
			.isEqualTo(new BaseImageChoice.Official("base-image:golang-alpine", "golang:1.21"));
	}

	@Test
	void onMips64leNginxAlpineBecomesTheBootstrappedBaseWithDebiansNginx() {
		BaseImageChoice choice = RULES.baseImageFor("nginx:1.15-alpine", MIPS);

		assertThat(choice).isEqualTo(new BaseImageChoice.TargetBase("base-image:nginx-alpine", "debian:bookworm-slim",
				List.of("nginx"), List.of("nginx", "-g", "daemon off;"), java.util.Map.of()));
		assertThat(RULES.packagesFor("nginx", MIPS))
			.isEqualTo(new PackageMapping.Install("package:nginx", List.of("nginx"), true));
	}

	@Test
	void everySpellingOfAlpineBecomesTheTargetBase() {
		for (String image : List.of("alpine", "alpine:3.12", "arm64v8/alpine:3.12", "docker.io/library/alpine:3.18",
				"library/alpine:edge", "alpine@sha256:0123456789abcdef")) {
			assertThat(RULES.baseImageFor(image, MIPS)).as(image)
				.isEqualTo(new BaseImageChoice.TargetBase("base-image:alpine", "debian:bookworm-slim", List.of(),
						List.of(), java.util.Map.of()));
		}
		assertThat(RULES.baseImageFor("arm64v8/alpine:3.12", FEDORA)).isInstanceOfSatisfying(
				BaseImageChoice.TargetBase.class, base -> assertThat(base.image()).isEqualTo("fedora:40"));
	}

	@Test
	void debianBasedImagesStay() {
		assertThat(RULES.baseImageFor("debian:bookworm", MIPS)).isInstanceOf(BaseImageChoice.Keep.class);
		assertThat(RULES.baseImageFor("nginx:1.15", AMD64)).isInstanceOf(BaseImageChoice.Keep.class);
		assertThat(RULES.baseImageFor("registry.k8s.io/build-image/debian-base:bookworm-v1.0.0", MIPS))
			.isInstanceOf(BaseImageChoice.Keep.class);
		assertThat(((BaseImageChoice.Keep) RULES.baseImageFor("debian:bookworm", FEDORA)).ruleId())
			.isEqualTo("base-image:debian-based");
	}

	@Test
	void anImageNoRuleKnowsIsReportedAsSuch() {
		assertThat(RULES.baseImageFor("quay.io/example/thing:1.0", MIPS))
			.isEqualTo(new BaseImageChoice.NoRule("quay.io/example/thing:1.0"));
		// an arch namespace only counts on Docker Hub: a registry's own "arm64v8" folder
		// is not alpine
		assertThat(RULES.baseImageFor("quay.io/arm64v8/alpine:3.12", MIPS)).isInstanceOf(BaseImageChoice.NoRule.class);
	}

	@Test
	void pathsAndCommandsDifferPerDistro() {
		assertThat(RULES.pathRule("/sbin/tini").orElseThrow().replacementFor(Distro.DEBIAN)).contains("/usr/bin/tini");
		assertThat(RULES.pathRule("/sbin/ip").orElseThrow().replacementFor(Distro.FEDORA)).isEmpty();
		assertThat(RULES.pathRule("/usr/bin/env")).isEmpty();
		CommandRule suExec = RULES.commandRule("su-exec").orElseThrow();
		assertThat(suExec.replacementFor(Distro.DEBIAN).flatMap(CommandReplacement::command)).contains("gosu");
		assertThat(suExec.replacementFor(Distro.FEDORA).orElseThrow().isSupported()).isFalse();
	}

	@Test
	void kubernetesPlaceholdersResolvePerArchitecture() {
		assertThat(RULES.placeholderValue("QEMUARCH", MIPS)).contains("mips64el");
		assertThat(RULES.placeholderValue("BASEARCH", MIPS)).contains("mips64le");
		assertThat(RULES.placeholderValue("GOARCH", MIPS)).contains("mips64le");
		assertThat(RULES.placeholderValue("QEMUARCH", AMD64)).contains("x86_64");
		assertThat(RULES.placeholderValue("NOT_A_PLACEHOLDER", MIPS)).isEmpty();
		ArchitectureNames mips = RULES.architectureOf(MIPS);
		assertThat(mips.debianArch()).isEqualTo("mips64el");
		assertThat(mips.unameMachine()).isEqualTo("mips64");
	}

}
