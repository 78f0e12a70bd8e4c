using System.Globalization;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// The device's network link on the virtual clock: a bottleneck rate, a round-trip time, a segment loss rate, and the
/// device transport's timeout. Every request opens a new connection (the device adapter sends no keep-alive): a TCP
/// handshake and the request's round trip (2 RTT) before the server starts answering. While the device is busy with
/// something else (programming flash), the link keeps delivering into the device's TCP receive window, so up to a
/// window of the next bytes arrive for free. A lost segment (1460 bytes) is sent again after a retransmission timeout
/// (at least 200 ms, as Linux and lwIP use).
/// </summary>
public sealed record LinkModel(long BitsPerSecond, int RoundTripMilliseconds, double LossRate, int TimeoutMilliseconds = 10_000)
{
    public const int SegmentSize = 1460;

    /// <summary>Data still in flight when the device closes a response early (a server's send window).</summary>
    public const int InFlightBytes = 64 * 1024;

    /// <summary>The device's TCP receive window: four segments, a common lwIP setting for small devices.</summary>
    public const int ReceiveWindowBytes = 4 * SegmentSize;

    /// <summary>A modest link: 2 Mbit/s with a 40 ms round trip (a busy Wi-Fi or cellular uplink), no loss.</summary>
    public static LinkModel Default { get; } = new(2_000_000, 40, 0);

    public long TransferMicroseconds(long bytes) => bytes * 8 * 1_000_000 / BitsPerSecond;

    public long RetransmissionTimeoutMicroseconds => Math.Max(200_000, 2L * RoundTripMilliseconds * 1000);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{BitsPerSecond / 1e6:0.###} Mbit/s, RTT {RoundTripMilliseconds} ms{(LossRate > 0 ? $", {LossRate * 100:0.##}% segment loss" : "")}");
}
