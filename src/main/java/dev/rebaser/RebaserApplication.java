package dev.rebaser;

import dev.rebaser.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RebaserApplication {

	public static void main(String[] args) {
		// Command-line tasks run in plain Java: no web server, no database.
		if (args.length > 0 && Cli.handles(args[0])) {
			System.exit(Cli.run(args, System.out, System.err));
		}
		SpringApplication.run(RebaserApplication.class, args);
	}

}
