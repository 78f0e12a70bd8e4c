namespace Stm32NanoUpdater.Agent.Platform
{
    /// <summary>Monotonic time and waiting. The device uses the system clock; tests use a virtual clock.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary origin; only differences are meaningful.</summary>
        long NowMilliseconds { get; }

        /// <summary>Blocks for about <paramref name="milliseconds"/> (0 yields).</summary>
        void Sleep(int milliseconds);
    }
}
