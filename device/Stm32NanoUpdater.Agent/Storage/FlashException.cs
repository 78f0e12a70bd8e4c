using System;

namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>The flash chip is absent, does not describe itself, refused a write enable or stayed busy too long.</summary>
    public class FlashException : Exception
    {
        public FlashException(string message)
            : base(message)
        {
        }
    }
}
