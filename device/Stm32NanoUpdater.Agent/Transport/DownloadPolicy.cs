namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>How the downloader splits, retries and waits. The defaults suit a small device on a flaky link.</summary>
    public sealed class DownloadPolicy
    {
        public DownloadPolicy()
        {
            ChunkSize = 64 * 1024;
            MaxConsecutiveFailures = 6;
            InitialBackoffMilliseconds = 500;
            MaxBackoffMilliseconds = 30000;
        }

        /// <summary>Bytes asked for per request: large single downloads fail on small devices, so ask in pieces.</summary>
        public int ChunkSize { get; set; }

        /// <summary>Failed attempts in a row (no byte received) before the download gives up.</summary>
        public int MaxConsecutiveFailures { get; set; }

        /// <summary>Wait after the first failure; it doubles after each further one, up to the maximum.</summary>
        public int InitialBackoffMilliseconds { get; set; }

        public int MaxBackoffMilliseconds { get; set; }

        public int BackoffAfter(int consecutiveFailures)
        {
            long wait = InitialBackoffMilliseconds;
            for (int i = 1; i < consecutiveFailures && wait < MaxBackoffMilliseconds; i++)
            {
                wait *= 2;
            }

            return wait < MaxBackoffMilliseconds ? (int)wait : MaxBackoffMilliseconds;
        }
    }
}
