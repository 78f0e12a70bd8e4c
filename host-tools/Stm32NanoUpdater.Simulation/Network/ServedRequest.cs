namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// One GET the release server answered: the path, the byte range asked for (<see cref="RangeFrom"/> -1 without a Range
/// header; <see cref="RangeTo"/> <see cref="long.MaxValue"/> for an open range) and the status it answered, 0 when it
/// never answered.
/// </summary>
public sealed record ServedRequest(string Path, long RangeFrom, long RangeTo, int Status)
{
    /// <summary>Bytes the Range header asked for.</summary>
    public long RangeLength => RangeTo - RangeFrom + 1;
}
