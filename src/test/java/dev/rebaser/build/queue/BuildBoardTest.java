package dev.rebaser.build.queue;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link BuildBoardCases} on the embedded H2 database. A mock web environment, since the
 * application's security configuration needs one.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:build-board-test;DB_CLOSE_DELAY=-1")
class BuildBoardTest extends BuildBoardCases {

}
