namespace Stm32NanoUpdater.Cli;

/// <summary>Where verbs write: standard output for results, standard error for warnings (tests capture both).</summary>
public sealed class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public void Warn(string message) => Error.WriteLine($"warning: {message}");
}
