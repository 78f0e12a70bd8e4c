namespace Stm32NanoUpdater.Agent.Transport
{
    public enum DownloadStatus
    {
        /// <summary>Every requested byte reached the sink.</summary>
        Completed = 0,

        /// <summary>The server's file changed (size, ETag or an unsatisfiable range): start over.</summary>
        FileChanged = 1,

        /// <summary>A permanent HTTP error, or too many failures in a row.</summary>
        Failed = 2,
    }
}
