using System.Text.Json;
using Stm32NanoUpdater.Cli;

namespace Stm32NanoUpdater.Simulation.Tests.Cli;

/// <summary>`nanoupdate demo` and `nanoupdate simulate` end to end, as a user runs them.</summary>
public sealed class DemoAndSimulateVerbTests
{
    [Fact]
    public void Demo_runs_the_whole_story_and_says_so()
    {
        var (code, output, error) = Run("demo");
        Assert.True(code == 0, output + error);
        Assert.Equal("", error);
        Assert.Contains("nanoupdate demo", output);
        Assert.Contains("self-test failed", output);
        Assert.Contains("deployment reverted to 2.0.0", output);
        Assert.Contains("ok: v2 installed, booted and confirmed; v3 installed, failed its self-test, not confirmed, reverted to v2", output);
        Assert.Contains("total", output);
    }

    [Fact]
    public void Demo_json_is_one_object_with_the_phases_and_the_result()
    {
        var (code, output, _) = Run("demo", "--json");
        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal("ok", root.GetProperty("result").GetString());
        var phases = root.GetProperty("phases").EnumerateArray()
            .Select(p => (p.GetProperty("step").GetString(), p.GetProperty("phase").GetString())).ToArray();
        Assert.Contains(("v2", "install"), phases);
        Assert.Contains(("v2", "confirm"), phases);
        Assert.Contains(("v3", "self-test failed"), phases);
        Assert.Contains(("v3", "revert"), phases);
        string[] Checks(string step) => root.GetProperty("phases").EnumerateArray()
            .Where(p => p.GetProperty("step").GetString() == step && p.GetProperty("phase").GetString() == "check")
            .Select(p => p.GetProperty("result").GetString()!).ToArray();
        Assert.Equal(["2 found", "nothing new"], Checks("v2")); // one row per check, each with its own result
        Assert.Equal(["1 found", "1 skipped (failed before)"], Checks("v3")); // v3 is still offered after its revert
        JsonElement total = root.GetProperty("total");
        Assert.True(total.GetProperty("wireBytes").GetInt64() > 3 * 296 * 1024); // v2 (nanoCLR + application) and v3
        Assert.True(total.GetProperty("internalErases").GetInt64() >= 5 + 1 + 1 + 1);
        Assert.True(root.GetProperty("deviceSeconds").GetDouble() > 20);
        Assert.Equal(5, root.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public void Demo_quiet_prints_the_summary_only()
    {
        var (code, output, _) = Run("demo", "--quiet");
        Assert.Equal(0, code);
        Assert.DoesNotContain("throw-away", output);
        Assert.Contains("summary", output);
        Assert.Contains("ok:", output);
    }

    [Fact]
    public void Simulate_reports_a_bounded_campaign_as_json()
    {
        var (code, output, error) = Run("simulate", "--clr-size", "40", "--deployment-size", "24", "--power-cuts", "120", "--json");
        Assert.True(code == 0, output + error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(120, root.GetProperty("cutsTried").GetInt32());
        Assert.Equal(0, root.GetProperty("bricks").GetInt32());
        Assert.False(root.GetProperty("exhaustive").GetBoolean());
        Assert.Equal("ok", root.GetProperty("result").GetString());
        Assert.Equal(4, root.GetProperty("timeModel").GetArrayLength());
        Assert.All(root.GetProperty("timeModel").EnumerateArray(), r => Assert.True(r.GetProperty("ratio").GetDouble() >= 1));
        Assert.False(root.TryGetProperty("networkFaults", out _));
        Assert.Equal(120, root.GetProperty("cutsByPhase").EnumerateArray().Sum(p => p.GetProperty("cuts").GetInt32()));
        Assert.Contains(root.GetProperty("phases").EnumerateArray(), p => p.GetProperty("phase").GetString() == "revert");
    }

    [Fact]
    public void Simulate_prints_tables_with_the_time_model()
    {
        var (code, output, _) = Run("simulate", "--clr-size", "40", "--deployment-size", "24", "--link", "500", "--loss", "1");
        Assert.Equal(0, code);
        Assert.Contains("time model", output);
        Assert.Contains("0.5 Mbit/s, RTT 40 ms, 1% segment loss", output);
        Assert.Contains("fault-free run", output);
    }

    [Theory]
    [InlineData("--power-cuts", "many", "--power-cuts takes 'all' or a positive number")]
    [InlineData("--power-cuts", "0", "--power-cuts takes 'all' or a positive number")]
    [InlineData("--clr-size", "1000", "--clr-size must be between 4 and 704")]
    [InlineData("--loss", "80", "--loss must be between 0 and 50")]
    [InlineData("--link", "fast", "fast")]
    public void Simulate_refuses_bad_options_in_one_line(string option, string value, string message)
    {
        var (code, output, error) = Run("simulate", option, value);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Help_teaches_what_the_verbs_do()
    {
        var (code, output, _) = Run("demo", "--help");
        Assert.Equal(0, code);
        Assert.Contains("swap stage", output);
        Assert.Contains("--quiet", output);
        (code, output, _) = Run("simulate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--power-cuts", output);
        Assert.Contains("brick", output);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = NanoUpdateCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
