package dev.rebaser.catalog;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders version strings by their numeric parts (2.9 before 2.10), text parts compared as
 * text.
 */
enum VersionOrder implements Comparator<String> {

	INSTANCE;

	@Override
	public int compare(String a, String b) {
		String[] left = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
		String[] right = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			int order = left[i].chars().allMatch(Character::isDigit) && right[i].chars().allMatch(Character::isDigit)
					? new BigInteger(left[i]).compareTo(new BigInteger(right[i])) : left[i].compareTo(right[i]);
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(left.length, right.length);
	}

}
