using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Simulation.Campaigns;

/// <summary>
/// One power cut and what followed: where the board landed once power was back and it had booted (old release, new
/// release, brick), whether it then finished the update and ended exactly where a fault-free device ends (a board that
/// lands safely but cannot finish has lost something: that counts as a brick too), and how many more body bytes it
/// downloaded than the fault-free run.
/// </summary>
public sealed record CutResult(
    PowerCut Cut,
    string Step,
    string Phase,
    bool Reached,
    CutLanding Landing,
    string? Problem,
    int BootsToLand,
    long ExtraBodyBytes)
{
    public bool IsBrick => Reached && Landing == CutLanding.Brick;
}
