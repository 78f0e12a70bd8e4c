namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>Journal record types (contract §5).</summary>
    public static class JournalRecordType
    {
        public const int SectorHeader = 0x01;
        public const int InstallBegin = 0x10;
        public const int BackupDone = 0x11;
        public const int SectorDone = 0x12;
        public const int InstallEnd = 0x13;
        public const int RevertBegin = 0x20;
        public const int RevertEnd = 0x21;
        public const int Rejected = 0x30;
        public const int Adopted = 0x31;
        public const int RevertFailed = 0x32;

        /// <summary>A terminal record ends an operation; the newest one of a kind is "the result of the last attempt".</summary>
        public static bool IsTerminal(int type)
        {
            return type == InstallEnd || type == RevertEnd || type == Rejected || type == Adopted || type == RevertFailed;
        }

        public static bool IsBegin(int type)
        {
            return type == InstallBegin || type == RevertBegin;
        }
    }
}
