package dev.rebaser;

import dev.rebaser.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RebaserApplication {

	public static void main(String[] args) {
		// Command-line tasks run in plain Java: no web server, no database. Only no
		// arguments, or Spring's own --name=value settings, start the web service.
		if (!Cli.startsServer(args)) {
			System.exit(Cli.run(args, System.out, System.err));
		}
		SpringApplication.run(RebaserApplication.class, args);
	}

}
