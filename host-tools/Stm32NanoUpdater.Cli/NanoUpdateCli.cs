using System.CommandLine;
using System.CommandLine.Help;
using Stm32NanoUpdater.Cli.Verbs;
using Stm32NanoUpdater.Host;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Cli;

/// <summary>
/// The `nanoupdate` command line: builds the verbs, turns every error into one line on standard error and an exit
/// code (0 ok, 1 verification failed, 2 usage or input error), and never lets a stack trace through.
/// </summary>
public static class NanoUpdateCli
{
    /// <summary>Every verb. A new verb is a new file in Verbs/ plus one line here.</summary>
    private static readonly IVerb[] Verbs =
    [
        new KeygenVerb(),
        new GetpubVerb(),
        new SignVerb(),
        new VerifyVerb(),
        new InfoVerb(),
        new DemoVerb(),
        new SimulateVerb(),
    ];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        var root = new RootCommand(
            "nanoupdate: keys, signing and inspection of update images for STM32 boards running nanoFramework, and a\n" +
            "simulated board to watch an update (demo) or break one on purpose (simulate).\n" +
            "Images are MCUboot images: they verify with MCUboot's imgtool and the other way round; option names follow\n" +
            "imgtool. Start with: nanoupdate demo");
        foreach (IVerb verb in Verbs)
        {
            root.Add(verb.Create(context));
        }

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            string verb = parse.CommandResult.Command == root ? string.Empty : parse.CommandResult.Command.Name + " ";
            error.WriteLine($"error: {parse.Errors[0].Message}");
            error.WriteLine($"(run 'nanoupdate {verb}--help' for usage)");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InputException e)
        {
            return Fail(error, e.Message, ExitCodes.UsageError);
        }
        catch (ImageFormatException e)
        {
            return Fail(error, e.Message, ExitCodes.VerificationFailed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, e.Message, ExitCodes.UsageError);
        }
        catch (Exception e)
        {
            return Fail(error, $"unexpected {e.GetType().Name}: {e.Message}", ExitCodes.UsageError);
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine($"error: {message}");
        return code;
    }
}
