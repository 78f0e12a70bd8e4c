using System.CommandLine;
using Stm32NanoUpdater.Host;
using Stm32NanoUpdater.Host.Keys;

namespace Stm32NanoUpdater.Cli;

/// <summary>Options several verbs share, spelled as imgtool spells them.</summary>
public static class Options
{
    public static Option<string> Key(string description, bool required) => new("--key", "-k")
    {
        Description = description,
        Required = required,
        HelpName = "key.pem",
    };

    public static Option<string[]> Keys(string description) => new("--key", "-k")
    {
        Description = description,
        HelpName = "key.pem",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>An integer in any of imgtool's notations (decimal, 0x, 0o, 0b), parsed when the verb runs.</summary>
    public static Option<string> Integer(string name, string alias, string description) => new(name, alias)
    {
        Description = description + " (decimal or 0x/0o/0b)",
        HelpName = "N",
    };

    public static uint ParseUInt32(ParseResult parse, Option<string> option, uint min = 0, uint max = uint.MaxValue)
    {
        string? text = parse.GetValue(option);
        return text is null ? 0 : (uint)Integers.Parse(text, option.Name, min, max);
    }

    public static IReadOnlyList<PublicKey> LoadPublicKeys(IEnumerable<string>? paths) =>
        (paths ?? []).Select(KeyFile.LoadPublic).ToArray();
}
