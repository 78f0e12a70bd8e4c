using Spectre.Console;

namespace Stm32NanoUpdater.Simulation.Reporting;

/// <summary>
/// The console the reports are written to: a terminal keeps its own width, colours and live progress; anything else (a
/// file, a pipe, a test's writer) gets plain text, 120 columns wide, so tables read the same wherever they are captured.
/// </summary>
public static class ReportConsole
{
    public const int RedirectedWidth = 120;

    public static IAnsiConsole Create(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
