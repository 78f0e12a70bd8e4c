namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>Reads the chip's SFDP address space (instruction 5Ah).</summary>
    public interface ISfdpSource
    {
        void ReadSfdp(int address, byte[] buffer, int offset, int count);
    }
}
