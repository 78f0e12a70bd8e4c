using System.CommandLine;

namespace Stm32NanoUpdater.Cli;

/// <summary>One `nanoupdate` verb. Each lives in its own file under Verbs/ and is listed once in <see cref="NanoUpdateCli"/>.</summary>
public interface IVerb
{
    /// <summary>The command with its options, help text and an action that returns an exit code.</summary>
    Command Create(CliContext context);
}
