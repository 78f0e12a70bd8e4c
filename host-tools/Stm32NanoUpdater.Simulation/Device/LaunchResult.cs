using Stm32NanoUpdater.Simulation.Images;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// What nanoBooter and nanoCLR find after the swap stage: whether each region can run by the contract's rule (vector
/// table; assembly chain), and which known image it holds (null: something else — torn, mixed, erased or unknown).
/// </summary>
public sealed record LaunchResult(bool ClrCanRun, bool DeploymentCanRun, SampleImage? NanoClr, SampleImage? Deployment)
{
    /// <summary>nanoCLR starts and runs our application: the device works (and can update itself).</summary>
    public bool Runs => ClrCanRun && DeploymentCanRun && NanoClr is not null && Deployment is not null;

    public string Describe() => Runs
        ? $"{NanoClr!.Name}, {Deployment!.Name}"
        : $"does not start: nanoCLR {(ClrCanRun ? NanoClr?.Name ?? "unknown firmware" : "cannot run")}, deployment " +
          (DeploymentCanRun ? Deployment?.Name ?? "unknown assemblies" : "torn");
}
