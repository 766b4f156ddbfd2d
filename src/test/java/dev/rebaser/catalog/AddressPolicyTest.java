package dev.rebaser.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.catalog.AddressPolicy.Kind;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Addresses as literals, so nothing is resolved or connected to. */
class AddressPolicyTest {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			8.8.8.8                  | PUBLIC
			1.1.1.1                  | PUBLIC
			100.63.255.255           | PUBLIC
			100.128.0.0              | PUBLIC
			172.15.255.255           | PUBLIC
			172.32.0.0               | PUBLIC
			192.0.1.1                | PUBLIC
			198.20.0.1               | PUBLIC
			223.255.255.255          | PUBLIC
			2a00:1450:4001:80b::200e | PUBLIC
			::ffff:8.8.8.8           | PUBLIC
			64:ff9b::808:808         | PUBLIC
			2002:808:808::1          | PUBLIC
			127.0.0.1                | LOCAL
			127.1.2.3                | LOCAL
			10.1.2.3                 | LOCAL
			172.16.0.1               | LOCAL
			172.31.255.255           | LOCAL
			192.168.1.1              | LOCAL
			169.254.169.254          | LOCAL
			100.64.0.1               | LOCAL
			100.100.100.200          | LOCAL
			100.127.255.255          | LOCAL
			192.0.0.170              | LOCAL
			::1                      | LOCAL
			fc00::1                  | LOCAL
			fd12:3456::1             | LOCAL
			fe80::1                  | LOCAL
			fec0::1                  | LOCAL
			::ffff:127.0.0.1         | LOCAL
			::ffff:10.0.0.1          | LOCAL
			::10.0.0.1               | LOCAL
			64:ff9b::a00:1           | LOCAL
			64:ff9b::7f00:1          | LOCAL
			64:ff9b:1::1             | LOCAL
			2002:a00:1::1            | LOCAL
			2002:c0a8:101::1         | LOCAL
			2001:0:4136:e378:8000:63bf:f5ff:fffe | LOCAL
			0.0.0.0                  | NEVER
			0.1.2.3                  | NEVER
			255.255.255.255          | NEVER
			240.0.0.1                | NEVER
			224.0.0.1                | NEVER
			239.255.255.250          | NEVER
			198.18.0.1               | NEVER
			198.19.255.255           | NEVER
			192.0.2.1                | NEVER
			198.51.100.1             | NEVER
			203.0.113.1              | NEVER
			::                       | NEVER
			ff02::1                  | NEVER
			ff05::1:3                | NEVER
			::ffff:0.0.0.0           | NEVER
			64:ff9b::e000:1          | NEVER
			2002:e000:1::1           | NEVER
			2001:db8::1              | NEVER
			""")
	void classifiesAddresses(String literal, Kind kind) throws Exception {
		assertThat(AddressPolicy.classify(InetAddress.getByName(literal)).kind()).isEqualTo(kind);
	}

	@Test
	void localAddressesNeedTheOptInAndTheNeverKindIsRefusedEvenWithIt() throws Exception {
		AddressPolicy strict = AddressPolicy.publicOnly();
		AddressPolicy open = AddressPolicy.allowingPrivate();

		assertThat(strict.check(URI.create("https://8.8.8.8/k.tar.gz"))).extracting(InetAddress::getHostAddress)
			.containsExactly("8.8.8.8");
		assertThatThrownBy(() -> strict.check(URI.create("http://127.0.0.1:8080/k.tar.gz")))
			.isInstanceOf(RefusedSourceException.class)
			.hasMessageContaining("private address")
			.hasMessageContaining("loopback")
			.hasMessageContaining("rebaser.catalog.allow-private-fetches");
		assertThatThrownBy(() -> strict.check(URI.create("http://[::ffff:a9fe:a9fe]/latest/meta-data/")))
			.isInstanceOf(RefusedSourceException.class)
			.hasMessageContaining("169.254.0.0/16");
		assertThat(open.check(URI.create("http://127.0.0.1:8080/k.tar.gz"))).hasSize(1);
		assertThatThrownBy(() -> open.check(URI.create("http://0.0.0.0:8080/k.tar.gz")))
			.isInstanceOf(RefusedSourceException.class)
			.hasMessageContaining("never fetched from");
		assertThatThrownBy(() -> open.check(URI.create("file:///etc/passwd")))
			.isInstanceOf(RefusedSourceException.class)
			.hasMessageContaining("only http and https");
	}

}
