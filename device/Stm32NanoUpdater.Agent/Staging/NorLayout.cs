namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// Where everything lives, in internal flash and on the external NOR (update contract §1 and §2). Larger NOR chips
    /// use the same offsets; the space from <see cref="ApplicationStart"/> on belongs to the application.
    /// </summary>
    public static class NorLayout
    {
        public const int SectorSize = 0x1000;
        public const int JournalSector0 = 0x000000;
        public const int JournalSector1 = 0x001000;
        public const int ApplicationStart = 0x510000;

        /// <summary>The smallest NOR the layout fits in.</summary>
        public const int MinimumFlashSize = ApplicationStart;

        public const uint NanoClrRegionStart = 0x08010000;
        public const int NanoClrRegionSize = 704 * 1024;
        public const uint DeploymentRegionStart = 0x080C0000;
        public const int DeploymentRegionSize = 1280 * 1024;

        /// <summary>The kind an image with this load address is for, or <see cref="ImageKind.None"/> (wrong board).</summary>
        public static ImageKind KindForLoadAddress(uint loadAddress)
        {
            if (loadAddress == NanoClrRegionStart)
            {
                return ImageKind.NanoClr;
            }

            return loadAddress == DeploymentRegionStart ? ImageKind.Deployment : ImageKind.None;
        }

        /// <summary>The other kind: the companion of a kind's trailer in a release set (contract §3.1).</summary>
        public static ImageKind CompanionOf(ImageKind kind)
        {
            return kind == ImageKind.NanoClr ? ImageKind.Deployment : ImageKind.NanoClr;
        }

        /// <summary>Internal flash bytes the kind's payload may occupy.</summary>
        public static int RegionSize(ImageKind kind)
        {
            return kind == ImageKind.NanoClr ? NanoClrRegionSize : DeploymentRegionSize;
        }

        public static uint RegionStart(ImageKind kind)
        {
            return kind == ImageKind.NanoClr ? NanoClrRegionStart : DeploymentRegionStart;
        }

        /// <summary>The installed-record sector (header and TLVs of the installed image, its confirm flag).</summary>
        public static int RecordSector(ImageKind kind)
        {
            return kind == ImageKind.NanoClr ? 0x002000 : 0x003000;
        }

        /// <summary>The agent's own sector for durable download progress.</summary>
        public static int ProgressSector(ImageKind kind)
        {
            return kind == ImageKind.NanoClr ? 0x004000 : 0x005000;
        }

        public static int StagingSlot(ImageKind kind)
        {
            return kind == ImageKind.NanoClr ? 0x010000 : 0x210000;
        }

        public static int BackupSlot(ImageKind kind)
        {
            return kind == ImageKind.NanoClr ? 0x110000 : 0x390000;
        }

        public static int SlotSize(ImageKind kind)
        {
            return kind == ImageKind.NanoClr ? 0x100000 : 0x180000;
        }

        /// <summary>The most image bytes a slot holds: its last sector belongs to the trailer alone.</summary>
        public static int MaxImageSpan(ImageKind kind)
        {
            return SlotSize(kind) - SectorSize;
        }

        /// <summary>Start of the slot's last sector, which holds only the trailer.</summary>
        public static int TrailerSector(ImageKind kind)
        {
            return StagingSlot(kind) + SlotSize(kind) - SectorSize;
        }

        /// <summary>Address of the 48-byte request trailer at the very end of the staging slot.</summary>
        public static int RequestTrailer(ImageKind kind)
        {
            return StagingSlot(kind) + SlotSize(kind) - Image.SwapTrailer.Size;
        }

        public static string Describe(ImageKind kind)
        {
            switch (kind)
            {
                case ImageKind.NanoClr: return "nanoCLR";
                case ImageKind.Deployment: return "deployment";
                default: return "none";
            }
        }
    }
}
