namespace Stm32NanoUpdater.Simulation.Power;

/// <summary>
/// A planned supply failure: at program/erase operation <see cref="Operation"/> of <see cref="Domain"/> (counted from 1
/// over the board's life, as the flash model counts), at <see cref="Moment"/>.
/// </summary>
public readonly record struct PowerCut(FlashDomain Domain, long Operation, CutMoment Moment)
{
    public override string ToString() =>
        $"{(Moment == CutMoment.Before ? "before" : "in the middle of")} {(Domain == FlashDomain.Nor ? "NOR" : "internal flash")} operation {Operation}";
}
