using System;
using System.Threading;
using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Nano.Platform
{
    /// <summary>
    /// Time for the agent's timeouts and backoff: DateTime.UtcNow and Thread.Sleep. An SNTP correction during an
    /// operation can stretch or shorten one timeout; nothing durable depends on the clock.
    /// </summary>
    public sealed class SystemClock : IClock
    {
        public long NowMilliseconds
        {
            get { return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond; }
        }

        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
