package dev.rebaser;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RebaserApplication {

	public static void main(String[] args) {
		SpringApplication.run(RebaserApplication.class, args);
	}

}
