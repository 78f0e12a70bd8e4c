namespace Stm32NanoUpdater.Image
{
    /// <summary>Header flag bits (MCUboot bootutil/image.h IMAGE_F_*).</summary>
    public static class ImageFlags
    {
        public const uint Pic = 0x01;
        public const uint EncryptedAes128 = 0x04;
        public const uint EncryptedAes256 = 0x08;
        public const uint NonBootable = 0x10;

        /// <summary>Set by imgtool whenever --load-addr is given. The update contract accepts it and ignores its RAM meaning.</summary>
        public const uint RamLoad = 0x20;
        public const uint RomFixed = 0x100;
        public const uint CompressedLzma1 = 0x200;
        public const uint CompressedLzma2 = 0x400;
        public const uint CompressedArmThumb = 0x800;
    }
}
