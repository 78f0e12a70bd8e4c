namespace Stm32NanoUpdater.Image
{
    /// <summary>The state of an installed record as its trailer tells it (update contract §4, MCUboot primary-slot table).</summary>
    public enum RecordTrailerState
    {
        Absent = 0,

        /// <summary>Installed in TEST mode and not confirmed yet: reverted on the next boot unless confirmed.</summary>
        TestPending = 1,
        Confirmed = 2,
    }
}
