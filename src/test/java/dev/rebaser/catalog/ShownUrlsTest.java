package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownUrlsTest {

	@Test
	void dropsTheUserAndPasswordAndSecretLookingQueryValues() {
		assertThat(ShownUrls.shown("http://user:pw@example.org:8080/dl/k.tar.gz"))
			.isEqualTo("http://example.org:8080/dl/k.tar.gz");
		assertThat(ShownUrls.shown("https://token@example.org/k.tar.gz")).isEqualTo("https://example.org/k.tar.gz");
		assertThat(ShownUrls.shown("https://example.org/k.tar.gz?X-Amz-Signature=abc&version=2&access_token=t#f"))
			.isEqualTo("https://example.org/k.tar.gz?X-Amz-Signature=redacted&version=2&access_token=redacted#f");
		assertThat(ShownUrls.shown("https://example.org/k.tar.gz")).isEqualTo("https://example.org/k.tar.gz");
		assertThat(ShownUrls.shown("http://u:p w@exa mple")).doesNotContain("p w");
	}

}
