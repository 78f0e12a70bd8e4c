using Stm32NanoUpdater.Agent.Storage;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// Reads the swap stage's journal (contract §5): finds the active sector (valid header, newer generation in
    /// serial-number arithmetic), skips torn records, and tells per kind the newest terminal record — "the result of
    /// the last attempt" — and whether an operation is still in progress. The agent never writes the journal.
    /// </summary>
    public sealed class Journal
    {
        public const int RecordsPerSector = NorLayout.SectorSize / JournalRecord.Size;
        private const int KindSlots = 3;

        private readonly JournalRecord[] _lastTerminal = new JournalRecord[KindSlots];
        private readonly JournalRecord[] _lastBegin = new JournalRecord[KindSlots];
        private readonly bool[] _inProgress = new bool[KindSlots];

        private Journal()
        {
        }

        /// <summary>Address of the active sector, or -1 when neither sector has a valid header (nothing journaled yet).</summary>
        public int ActiveSector { get; private set; }

        public uint Generation { get; private set; }

        public static Journal Read(IFlash flash)
        {
            Journal journal = new Journal();
            byte[] block = new byte[8 * JournalRecord.Size];
            JournalRecord header0 = ReadHeader(flash, NorLayout.JournalSector0, block);
            JournalRecord header1 = ReadHeader(flash, NorLayout.JournalSector1, block);
            journal.ActiveSector = -1;
            if (header0 == null && header1 == null)
            {
                return journal;
            }

            bool useSector1 = header0 == null || (header1 != null && (int)(header1.Arg0 - header0.Arg0) > 0);
            journal.ActiveSector = useSector1 ? NorLayout.JournalSector1 : NorLayout.JournalSector0;
            journal.Generation = useSector1 ? header1.Arg0 : header0.Arg0;
            journal.Scan(flash, block);
            return journal;
        }

        /// <summary>The last attempt for <paramref name="kind"/>: its newest terminal record, or the running operation.</summary>
        public UpdateAttempt LastAttempt(ImageKind kind)
        {
            int k = (int)kind;
            if (k <= 0 || k >= KindSlots)
            {
                return new UpdateAttempt(kind, AttemptOutcome.None, 0, 0, null);
            }

            if (_inProgress[k])
            {
                JournalRecord begin = _lastBegin[k];
                return new UpdateAttempt(kind, AttemptOutcome.InProgress, begin.Type, begin.Arg0, begin.DigestPrefix);
            }

            JournalRecord terminal = _lastTerminal[k];
            if (terminal == null)
            {
                return new UpdateAttempt(kind, AttemptOutcome.None, 0, 0, null);
            }

            return new UpdateAttempt(kind, OutcomeOf(terminal.Type), terminal.Type, terminal.Arg0, terminal.DigestPrefix);
        }

        public bool IsInProgress(ImageKind kind)
        {
            int k = (int)kind;
            return k > 0 && k < KindSlots && _inProgress[k];
        }

        private static JournalRecord ReadHeader(IFlash flash, int sector, byte[] block)
        {
            flash.Read(sector, block, 0, JournalRecord.Size);
            JournalRecord record = JournalRecord.Decode(block, 0);
            return record != null && record.Type == JournalRecordType.SectorHeader ? record : null;
        }

        private void Scan(IFlash flash, byte[] block)
        {
            int perBlock = block.Length / JournalRecord.Size;
            for (int first = 0; first < RecordsPerSector; first += perBlock)
            {
                flash.Read(ActiveSector + first * JournalRecord.Size, block, 0, block.Length);
                for (int i = first == 0 ? 1 : 0; i < perBlock; i++)
                {
                    JournalRecord record = JournalRecord.Decode(block, i * JournalRecord.Size);
                    int k = record == null ? 0 : (int)record.Kind;
                    if (k <= 0 || k >= KindSlots)
                    {
                        continue;
                    }

                    if (JournalRecordType.IsTerminal(record.Type))
                    {
                        _lastTerminal[k] = record;
                        _inProgress[k] = false;
                    }
                    else if (JournalRecordType.IsBegin(record.Type))
                    {
                        _lastBegin[k] = record;
                        _inProgress[k] = true;
                    }
                }
            }
        }

        private static AttemptOutcome OutcomeOf(int type)
        {
            switch (type)
            {
                case JournalRecordType.InstallEnd: return AttemptOutcome.Installed;
                case JournalRecordType.RevertEnd: return AttemptOutcome.Reverted;
                case JournalRecordType.Rejected: return AttemptOutcome.Rejected;
                case JournalRecordType.Adopted: return AttemptOutcome.Adopted;
                default: return AttemptOutcome.RevertFailed;
            }
        }
    }
}
