package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader of a Dockerfile wants to see at a glance: its stages, its instructions by
 * line, and the simple commands each RUN executes. The REST API and the CLI both print
 * this.
 */
public record DockerfileOutline(List<StageOutline> stages, List<InstructionOutline> instructions) {

	public record StageOutline(int index, String baseImage, String alias, String platform, Integer parent,
			boolean placeholder, int line) {
	}

	public record InstructionOutline(String keyword, int startLine, int endLine, List<CommandOutline> commands) {
	}

	public record CommandOutline(int line, List<String> argv) {
	}

	public static DockerfileOutline of(Dockerfile dockerfile) {
		List<StageOutline> stages = new ArrayList<>();
		for (Stage stage : dockerfile.stages()) {
			stages.add(new StageOutline(stage.index(), stage.baseImage(), stage.alias(), stage.platform(),
					stage.parent().isPresent() ? stage.parent().getAsInt() : null, stage.placeholder(),
					stage.from().startLine()));
		}
		List<InstructionOutline> instructions = new ArrayList<>();
		for (Instruction instruction : dockerfile.instructions()) {
			instructions.add(new InstructionOutline(instruction.keyword(), instruction.startLine(),
					instruction.endLine(), commandsOf(dockerfile, instruction)));
		}
		return new DockerfileOutline(stages, instructions);
	}

	private static List<CommandOutline> commandsOf(Dockerfile dockerfile, Instruction instruction) {
		Instruction run = instruction.trigger().orElse(instruction);
		if (!run.keyword().equals("RUN")) {
			return List.of();
		}
		List<CommandOutline> commands = new ArrayList<>();
		for (ShellCommand command : run.commands()) {
			commands.add(new CommandOutline(dockerfile.lineOf(command.span().start()), command.argv()));
		}
		return commands;
	}

}
