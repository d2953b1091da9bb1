package dev.thetaevolve.cli;

import picocli.CommandLine.Command;

/** The top command; each capability adds a subcommand. */
@Command(name = "thetaevolve", mixinStandardHelpOptions = true, version = "thetaevolve 0.1.0",
        description = "Evolve programs that improve bounds on open mathematical problems.",
        subcommands = {EvaluateCommand.class, BenchCommand.class, VerifyCommand.class, RunCommand.class, ResumeCommand.class, BestCommand.class,
                ProgramsCommand.class, ProblemsCommand.class, LeaderboardCommand.class, SubmitCommand.class, WatchCommand.class, TokenCommand.class,
                ServeCommand.class, EvaluatorCommand.class})
public class TopCommand {
}
