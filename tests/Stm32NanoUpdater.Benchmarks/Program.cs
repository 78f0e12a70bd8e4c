using Stm32NanoUpdater.Benchmarks;
using Stm32NanoUpdater.Benchmarks.Suites;

// dotnet run -c Release --project tests/Stm32NanoUpdater.Benchmarks -- <suite>|all [--repetitions N]
IBenchmarkSuite[] suites =
[
    new SignVerifySuite(sign: true, verify: false),
    new SignVerifySuite(sign: false, verify: true),
    new Sha256Suite(),
];

string? name = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
int repetitions = args.SkipWhile(a => a != "--repetitions").Skip(1).Select(int.Parse).FirstOrDefault(5);
IBenchmarkSuite[] selected = name == "all" ? suites : suites.Where(s => s.Name == name).ToArray();
if (selected.Length == 0)
{
    Console.Error.WriteLine("usage: Stm32NanoUpdater.Benchmarks <suite>|all [--repetitions N]");
    foreach (IBenchmarkSuite suite in suites)
    {
        Console.Error.WriteLine($"  {suite.Name,-10} {suite.Description}");
    }

    return 2;
}

Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
    $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, best of {repetitions}");
var report = new Report(Console.Out, repetitions);
foreach (IBenchmarkSuite suite in selected)
{
    Console.WriteLine($"[{suite.Name}] {suite.Description}");
    suite.Run(report);
}

return 0;
