using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Host.Tests;

/// <summary>--help teaches every verb: exit 0, an example, and imgtool's option names.</summary>
public class HelpTests
{
    [Theory]
    [InlineData("keygen", "--type")]
    [InlineData("getpub", "--encoding")]
    [InlineData("sign", "--header-size")]
    [InlineData("verify", "--key")]
    [InlineData("info", "--json")]
    public void EveryVerbHasHelpWithAnExample(string verb, string option)
    {
        CliResult result = NanoUpdate.Run(verb, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Example: nanoupdate " + verb, result.Out, StringComparison.Ordinal);
        Assert.Contains(option, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void SignHelpListsImgtoolsOptions()
    {
        string help = NanoUpdate.Run("sign", "--help").Out;
        foreach (string option in new[] { "-k, --key", "-v, --version", "-H, --header-size", "--pad-header", "-L, --load-addr",
            "-S, --slot-size", "--align", "--max-align", "--pad", "--confirm", "-s, --security-counter", "-x, --hex-addr" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RootHelpListsTheVerbs()
    {
        CliResult result = NanoUpdate.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (string verb in new[] { "keygen", "getpub", "sign", "verify", "info" })
        {
            Assert.Contains(verb, result.Out, StringComparison.Ordinal);
        }
    }
}
