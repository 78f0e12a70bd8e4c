using Stm32NanoUpdater.Cli;

namespace Stm32NanoUpdater.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs `nanoupdate` in-process with captured output.</summary>
public static class NanoUpdate
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = NanoUpdateCli.Run(args, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs and asserts success, returning the result.</summary>
    public static CliResult Ok(params string[] args)
    {
        CliResult result = Run(args);
        Xunit.Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
